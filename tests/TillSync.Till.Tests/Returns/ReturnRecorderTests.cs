// Proves returns at the till with HQ unreachable: from this till's own bill or another till's receipt code, partial returns
// priced by Core's ReturnMath and never more than sold less what this till already took back, loyalty given back and taken
// back pro rata, refund tenders checked, a forged or altered code refused, the return stored as the document it will send
// with its credit note. LocalTill: a real till.db, the real recorders, an HQ that never answers.
using System.Security.Cryptography;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Orders;
using TillSync.Core.Receipts;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Returns;

public sealed class ReturnRecorderTests
{
    private const long OtherTillId = 8;

    [Fact]
    public async Task Record_PartOfALocalSale_RefundsTheLinesProRataAndStoresTheDocumentToSend()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 3), new CartLine("GHEE-1L", 1, DiscountPaise: 1_000)]));

        var (note, problem) = await till.Returns.RecordAsync(
            Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 2, ReturnConditions.Restock), new ReturnLineRequest(2, 1, ReturnConditions.Damaged)]),
            CancellationToken.None);

        Assert.True(note is not null, problem);
        var expected = BillTotals.Of([
            ReturnMath.ForLine(3, 4_500, 0, 1_800, 2, SupplyKind.IntraState),
            ReturnMath.ForLine(1, 65_000, 1_000, 1_200, 1, SupplyKind.IntraState)]);
        Assert.Equal(expected.TotalPaise, note.Refund.Totals.TotalPaise);
        Assert.Equal([new RefundDto(RefundMethods.Cash, expected.TotalPaise)], note.Refund.Refunds);
        Assert.Equal((2L, $"{LocalTill.BillPrefix}/{BillNumber.FinancialYear(note.CreatedAt)}/C00001"), (note.TillSeq, note.CreditNoteNo));
        var sent = await StoredReturnAsync(till, note.TillSeq);
        Assert.Equal((note.CreditNoteNo, sale.ClientOrderId, sale.BillNo, 7L, ReturnSources.Local, sale.Totals.TotalPaise),
            (sent.CreditNoteNo, sent.Original.ClientOrderId, sent.Original.BillNo, sent.Original.TillId, sent.Original.Source, sent.Original.TotalPaise));
        Assert.Equal([(1, "SOAP-125G", 3m, 4_500L, 0L, 1_800, 2m, ReturnConditions.Restock), (2, "GHEE-1L", 1m, 65_000L, 1_000L, 1_200, 1m, ReturnConditions.Damaged)],
            sent.Lines.Select(l => (l.OriginalLineNo, l.Sku, l.OriginalQty, l.UnitPricePaise, l.OriginalDiscountPaise, l.GstRateBp, l.Qty, l.Condition)));
        Assert.Equal(expected.TotalPaise, sent.Totals.TotalPaise);
        Assert.Equal(ReturnReasons.Defective, sent.Reason);
        Assert.Equal(JsonSerializer.Serialize(note, TillSync.Till.Web.TillJsonContext.Default.CreditNote),
            JsonSerializer.Serialize(await till.CreditNotes.FindAsync(note.DocumentId, CancellationToken.None), TillSync.Till.Web.TillJsonContext.Default.CreditNote!));
    }

    [Fact]
    public async Task Record_MoreThanIsLeftToReturn_IsRefusedAndStoresNothing()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 3)]));
        var original = new OriginalReference(BillNo: sale.BillNo.ToLowerInvariant());
        await RecordAsync(till, Return(original, [new ReturnLineRequest(1, 2, ReturnConditions.Restock)]));

        var (note, problem) = await till.Returns.RecordAsync(Return(original, [new ReturnLineRequest(1, 2, ReturnConditions.Restock)]), CancellationToken.None);

        Assert.Null(note);
        Assert.Equal("Line 1 (Sandal Soap 125 g): 3 sold, 2 already returned; at most 1 can come back.", problem);
        Assert.Equal(2, await till.Outbox.CountAsync(CancellationToken.None));
        foreach (var found in new[] { original, new OriginalReference(SaleId: sale.ClientOrderId), new OriginalReference(Code: sale.ReceiptCode) })
        {
            var (lookedUp, lookupProblem) = await till.Originals.FindAsync(found, CancellationToken.None);
            Assert.True(lookedUp is not null, lookupProblem);
            Assert.Equal((3m, 2m, 1m), (lookedUp.Lines[0].Qty, lookedUp.Lines[0].ReturnedQty, lookedUp.Lines[0].ReturnableQty));
        }

        var last = await RecordAsync(till, Return(original, [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]));
        Assert.EndsWith("/C00002", last.CreditNoteNo, StringComparison.Ordinal);
    }

    public static TheoryData<ReturnLineRequest[], string, string?, string> BadReturns() => new()
    {
        { [], ReturnReasons.Defective, null, "Choose at least one line" },
        { [new(3, 1, ReturnConditions.Restock)], ReturnReasons.Defective, null, "has lines 1 to 2" },
        { [new(1, 0, ReturnConditions.Restock)], ReturnReasons.Defective, null, "must be above 0" },
        { [new(1, 0.5m, ReturnConditions.Restock)], ReturnReasons.Defective, null, "in whole pieces" },
        { [new(1, 1, "lost")], ReturnReasons.Defective, null, "back to stock or is damaged" },
        { [new(1, 1, ReturnConditions.Restock), new(1, 1, ReturnConditions.Restock)], ReturnReasons.Defective, null, "listed twice" },
        { [new(1, 1, ReturnConditions.Restock)], "because", null, "Choose a reason" },
        { [new(1, 1, ReturnConditions.Restock)], ReturnReasons.Other, null, "say what in the note" },
        { [new(1, 1, ReturnConditions.Restock)], ReturnReasons.Other, new string('x', 201), "at most 200" },
    };

    [Theory]
    [MemberData(nameof(BadReturns))]
    public async Task Record_BadReturn_IsRefusedWithASentence(ReturnLineRequest[] lines, string reason, string? note, string expected)
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 3), new CartLine("SUGAR-LOOSE", 1.5m)]));

        var (recorded, problem) = await till.Returns.RecordAsync(
            new ReturnRequest(new OriginalReference(SaleId: sale.ClientOrderId), lines, reason, new RefundRequest(RefundMethods.Cash), note), CancellationToken.None);

        Assert.Null(recorded);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Equal(1, await till.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Record_LooseGoodsByWeight_TakesAFractionBack()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SUGAR-LOOSE", 1.5m)]));

        var note = await RecordAsync(till, Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 0.25m, ReturnConditions.Restock)]));

        Assert.Equal(BillTotals.Of([ReturnMath.ForLine(1.5m, 4_600, 0, 500, 0.25m, SupplyKind.IntraState)]).TotalPaise, note.Refund.Totals.TotalPaise);
    }

    [Fact]
    public async Task Record_ToTheOriginalCard_NeedsTheCardPaymentAndAReference()
    {
        await using var till = await LocalTill.CreateAsync();
        var cart = new List<CartLine> { new("RICE-5KG", 2) };
        var total = Carts.ExpectedTotals(cart).TotalPaise;
        var sale = await till.SellAsync(new SaleRequest(cart, [new Tender(PaymentMethods.Card, 40_000), new Tender(PaymentMethods.Cash, total - 40_000)]));
        var original = new OriginalReference(SaleId: sale.ClientOrderId);
        ReturnLineRequest[] one = [new(1, 1, ReturnConditions.Restock)];

        var (_, noReference) = await till.Returns.RecordAsync(Return(original, one, new RefundRequest(RefundMethods.Card)), CancellationToken.None);
        var (_, noUpi) = await till.Returns.RecordAsync(Return(original, one, new RefundRequest(RefundMethods.Upi, "UPI-1")), CancellationToken.None);
        var (_, tooMuch) = await till.Returns.RecordAsync(Return(original, [new(1, 2, ReturnConditions.Restock)], new RefundRequest(RefundMethods.Card, "AUTH-77")),
            CancellationToken.None);
        var note = await RecordAsync(till, Return(original, one, new RefundRequest(RefundMethods.Card, " AUTH-77 ")));

        Assert.Contains("transaction reference", noReference, StringComparison.Ordinal);
        Assert.Contains("was not paid by UPI", noUpi, StringComparison.Ordinal);
        Assert.Contains("Only ₹400.00", tooMuch, StringComparison.Ordinal);
        Assert.Equal([new RefundDto(RefundMethods.Card, note.Refund.Totals.TotalPaise, "AUTH-77")], note.Refund.Refunds);
    }

    [Fact]
    public async Task Record_SaleThatEarnedAndBurnedPoints_GivesBackAndTakesBackProRata()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        const string phone = "9876543210";
        var settings = new LoyaltySettingsDto(1, 25, BurnGstTreatments.Tender, 20_000, 300, 5, 5, 60, 900, 90);
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow(),
            loyalty: new SnapshotLoyalty(settings, [new LoyaltyBalance(phone, 1_000, till.Time.GetUtcNow())])), CancellationToken.None);
        var cart = new List<CartLine> { new("GHEE-1L", 2), new("SOAP-125G", 2) };
        var total = Carts.ExpectedTotals(cart).TotalPaise;
        var sale = await till.SellAsync(new SaleRequest(cart, [new Tender(PaymentMethods.Cash, total - 400 * 25)], new CustomerDto(phone), new SaleLoyalty(400)));
        var order = (await StoredSaleAsync(till, sale.TillSeq)).Loyalty!;

        var note = await RecordAsync(till, Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]));

        var returned = note.Refund.Totals.TotalPaise;
        var burnBack = ReturnMath.LoyaltyShare(400, returned, total);
        Assert.Equal(new ReturnLoyaltyDto(phone, ReturnMath.LoyaltyShare(order.EarnPoints, returned, total), burnBack), note.Refund.Loyalty);
        Assert.Equal([new RefundDto(RefundMethods.Loyalty, burnBack * 25), new RefundDto(RefundMethods.Cash, returned - (burnBack * 25))], note.Refund.Refunds);
        Assert.Equal(note.Refund.Loyalty, (await StoredReturnAsync(till, note.TillSeq)).Loyalty);
    }

    [Fact]
    public async Task Record_FromAnotherTillsReceiptCode_Offline_RecordsItAgainstThatTillsSale()
    {
        await using var till = await LocalTill.CreateAsync();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await KnowOtherTillAsync(till, otherKey);
        var (code, sold) = OtherTillsReceipt(otherKey, till.Time.GetUtcNow());

        var (found, lookupProblem) = await till.Originals.FindAsync(new OriginalReference(Code: code + "\n"), CancellationToken.None);
        var note = await RecordAsync(till, Return(new OriginalReference(Code: code), [new ReturnLineRequest(2, 1, ReturnConditions.Restock)]));

        Assert.True(found is not null, lookupProblem);
        Assert.Equal((sold.SaleId, sold.BillNo, OtherTillId, ReturnSources.ReceiptCode, code), (found.SaleId, found.BillNo, found.TillId, found.Source, found.ReceiptCode));
        Assert.Equal(["Sona Masoori Rice 5 kg", "Sandal Soap 125 g"], found.Lines.Select(l => l.Name));
        var sent = await StoredReturnAsync(till, note.TillSeq);
        Assert.Equal((sold.SaleId, OtherTillId, ReturnSources.ReceiptCode, code, sold.CreatedAt), (sent.Original.ClientOrderId, sent.Original.TillId, sent.Original.Source,
            sent.Original.ReceiptCode, sent.Original.CreatedAt));
        Assert.Equal(BillTotals.Of([ReturnMath.ForLine(3, 4_500, 0, 1_800, 1, SupplyKind.IntraState)]).TotalPaise, sent.Totals.TotalPaise);
    }

    [Fact]
    public async Task Lookup_AlteredOrForgedOrUnknownTillsCode_IsRefusedWithAReadableMessage()
    {
        await using var till = await LocalTill.CreateAsync();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (code, _) = OtherTillsReceipt(otherKey, till.Time.GetUtcNow());
        var (_, unknown) = await till.Originals.FindAsync(new OriginalReference(Code: code), CancellationToken.None);
        await KnowOtherTillAsync(till, otherKey);

        var (_, forged) = await till.Originals.FindAsync(new OriginalReference(Code: OtherTillsReceipt(forger, till.Time.GetUtcNow()).Code), CancellationToken.None);
        var (_, altered) = await till.Originals.FindAsync(new OriginalReference(Code: ReceiptCodeTamper.RaisePrice(code)), CancellationToken.None);
        var (_, notACode) = await till.Originals.FindAsync(new OriginalReference(Code: "8901725181109"), CancellationToken.None);
        var (recorded, refused) = await till.Returns.RecordAsync(
            Return(new OriginalReference(Code: ReceiptCodeTamper.RaisePrice(code)), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)]), CancellationToken.None);

        Assert.Contains("whose receipt key this till does not hold yet", unknown, StringComparison.Ordinal);
        Assert.Contains("altered or forged", forged, StringComparison.Ordinal);
        Assert.Contains("altered or forged", altered, StringComparison.Ordinal);
        Assert.Contains("not a TillSync receipt code", notACode, StringComparison.Ordinal);
        Assert.Null(recorded);
        Assert.Contains("altered or forged", refused, StringComparison.Ordinal);
        Assert.Equal(0, await till.Outbox.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Lookup_AnotherTillsBillNumberOffline_SaysToScanTheCode()
    {
        await using var till = await LocalTill.CreateAsync();

        var (sale, problem) = await till.Originals.FindAsync(new OriginalReference(BillNo: "T08/2627/000001"), CancellationToken.None);

        Assert.Null(sale);
        Assert.Contains("HQ is unreachable: scan the code on the customer's receipt", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_AsExchange_IsRefusedWithoutItsNewSale()
    {
        await using var till = await LocalTill.CreateAsync();
        var sale = await till.SellAsync(Carts.PaidInCash([new CartLine("SOAP-125G", 1)]));

        var (note, problem) = await till.Returns.RecordAsync(
            Return(new OriginalReference(SaleId: sale.ClientOrderId), [new ReturnLineRequest(1, 1, ReturnConditions.Restock)], new RefundRequest(RefundMethods.Exchange)),
            CancellationToken.None);

        Assert.Null(note);
        Assert.Contains("together with its new sale", problem, StringComparison.Ordinal);
    }

    internal static ReturnRequest Return(OriginalReference original, IReadOnlyList<ReturnLineRequest> lines, RefundRequest? refund = null) =>
        new(original, lines, ReturnReasons.Defective, refund ?? new RefundRequest(RefundMethods.Cash));

    internal static async Task<CreditNote> RecordAsync(LocalTill till, ReturnRequest request)
    {
        till.Time.Advance(TimeSpan.FromSeconds(1));
        var (note, problem) = await till.Returns.RecordAsync(request, CancellationToken.None);
        Assert.True(note is not null, problem);
        return note;
    }

    internal static async Task<ReturnDto> StoredReturnAsync(LocalTill till, long tillSeq) => (await StoredAsync(till, tillSeq)).Return!;

    private static async Task<OrderDto> StoredSaleAsync(LocalTill till, long tillSeq) => (await StoredAsync(till, tillSeq)).Sale!;

    internal static async Task<TillDocumentDto> StoredAsync(LocalTill till, long tillSeq)
    {
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        var json = (string)(await connection.Command("SELECT body_json FROM documents WHERE till_seq = @s").With("@s", tillSeq).ScalarAsync(CancellationToken.None))!;
        return JsonSerializer.Deserialize(json, TillSyncJsonContext.Default.TillDocumentDto)!;
    }

    // The other till of the store, T08, whose key this till learns from HQ's snapshot.
    private static Task KnowOtherTillAsync(LocalTill till, ECDsa otherKey) =>
        till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow(), tillKeys:
            [new TillPublicKey(OtherTillId, "T08", ReceiptCode.Algorithm, Convert.ToBase64String(otherKey.ExportSubjectPublicKeyInfo()), till.Time.GetUtcNow())]),
            CancellationToken.None);

    // A sale of rice and three soaps printed at T08 an hour ago, paid in cash, and its receipt code.
    private static (string Code, ReceiptCodeSale Sale) OtherTillsReceipt(ECDsa key, DateTimeOffset now)
    {
        List<CartLine> cart = [new("RICE-5KG", 1), new("SOAP-125G", 3)];
        var createdAt = now.AddHours(-1).ToOffset(BillNumber.IstOffset);
        var totals = Carts.ExpectedTotals(cart);
        var order = new OrderDto(Guid.CreateVersion7(createdAt), 5, BillNumber.Format("T08", createdAt, 5), createdAt, [.. Carts.ExpectedLines(cart)],
            [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals);
        var sale = ReceiptCodes.Of(order, OtherTillId);
        return (ReceiptCode.Sign(sale, key)!, sale);
    }
}
