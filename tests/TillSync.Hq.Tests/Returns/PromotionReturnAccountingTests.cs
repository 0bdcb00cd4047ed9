// Proves a promoted B2B sale and its returns agree to the paisa at HQ (issue 21): a bill with buy-2-get-1 and ₹100 off ₹1,000
// posts one journal entry, GST summary rows and an e-invoice with the same figures; returned in two steps with the
// promotion take-back, the credit notes commit quietly, their journal entries, GST summary rows and the CRN at the IRP
// carry the refunds as shared, and together they net the bill per GST rate; hledger checks the books; a return that takes
// nothing back opens a return_mismatch naming HQ's figure. How: a real HQ and IRP simulator process on SQLite or
// PostgreSQL (TILLSYNC_TEST_STORE), documents synced as a till sends them, the signed documents read back from the IRP.
using System.Text.Json;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Accounting;
using TillSync.Hq.Tests.EInvoicing;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class PromotionReturnAccountingTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>, IAsyncLifetime
{
    private readonly string _files = TempDirectory.Create("promotion-return-ledger");

    private LedgerClient Ledger => new(fixture.Hq);

    [Fact]
    public async Task PromotedSale_AndItsReturnsInSteps_JournalGstSummaryAndEInvoicesAgree()
    {
        var till = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        var sale = await PromotedSaleAsync(till);
        var today = OrderFactory.Now().ToString("yyyy-MM-dd");
        var gstBefore = await Ledger.GstSummaryAsync(today, today);

        Assert.Equal(new OrderTotalsDto(129_000, 7_991, 7_991, 0, 18, 145_000), sale.Totals);
        var saleResult = Assert.Single((await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)])).Results);
        Assert.True(saleResult.Flags.Count == 0, string.Join("; ", (await new ManagerClient(fixture.Hq)
            .ListReviewsAsync($"kind={ReviewKinds.PriceDeviation}&tillId={till.TillId}")).Items.Select(i => i.Detail)));

        // Soap 3 × ₹45.00 (18 %) less the free one and ₹6.48 of the ₹100.00; ghee 2 × ₹650.00 (12 %) less ₹93.52.
        var entry = (await Ledger.JournalAsync()).Single(e => e.Ref == $"sale:{sale.ClientOrderId}");
        Assert.Equal(new Dictionary<string, long>
        {
            [Accounts.Sales] = -129_000, [Accounts.Cgst(1_800)] = -752, [Accounts.Sgst(1_800)] = -752, [Accounts.Cgst(1_200)] = -7_239,
            [Accounts.Sgst(1_200)] = -7_239,
        }, TaxPostings(entry));

        // A ghee back leaves ₹740.00 of goods, below ₹1,000: ₹615.62 back, the ₹60.00 the kept goods lose taken off its ₹675.62.
        // Then the rest, the ₹60.02 held back given back on the ghee that was short of it.
        var returns = new ReturnFactory(till.Orders, till.BillPrefix);
        var first = returns.Next(sale, till.TillId, [(2, 1m, ReturnConditions.Restock)], takeBackPaise: [6_000]);
        var second = returns.Next(sale, till.TillId, [(1, 3m, ReturnConditions.Restock), (2, 1m, ReturnConditions.Restock)], takeBackPaise: [0, -6_002]);
        Assert.Equal(new OrderTotalsDto(54_966, 3_298, 3_298, 0, 38, 61_600), first.Return!.Totals);
        Assert.Equal(new OrderTotalsDto(74_034, 4_693, 4_693, 0, -20, 83_400), second.Return!.Totals);

        var reply = await till.SyncDocumentsAsync([first, second]);

        Assert.All(reply.Results, r => Assert.Equal((SyncStatus.Created, ""), (r.Status, string.Join(',', r.Flags))));
        Assert.Empty((await new ManagerClient(fixture.Hq).ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}&tillId={till.TillId}")).Items);
        var journal = await Ledger.JournalAsync();
        var returned = new[] { first, second }.Select(d => journal.Single(e => e.Ref == $"return:{d.DocumentId}")).ToList();
        Assert.Equal([(54_966L, 3_298L, -61_600L), (74_034L, 3_941L, -83_400L)],
            returned.Select(e => (Posted(e, Accounts.Sales), Posted(e, Accounts.Cgst(1_200)), Posted(e, "assets:cash"))));
        // Together the credit notes reverse the bill per rate, to the paisa.
        Assert.Equal(new Dictionary<string, long>
        {
            [Accounts.Sales] = 129_000, [Accounts.Cgst(1_800)] = 752, [Accounts.Sgst(1_800)] = 752, [Accounts.Cgst(1_200)] = 7_239,
            [Accounts.Sgst(1_200)] = 7_239,
        }, returned.SelectMany(TaxPostings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));

        var gstAfter = await Ledger.GstSummaryAsync(today, today);
        Assert.Equal([(1_200, 120_648L, 7_239L), (1_800, 8_352L, 752L)], Delta(gstBefore.Rows, gstAfter.Rows));
        Assert.Equal([(1_200, 120_648L, 7_239L), (1_800, 8_352L, 752L)], Delta(gstBefore.CreditNotes ?? [], gstAfter.CreditNotes ?? []));

        // A credit note waits for its invoice's registration, then registers: wait for all three to be done.
        var bills = await Eventually.UntilAsync(() => fixture.ListAsync(till.TillId), b => b.Count == 3 && b.All(x => x.Status is "registered" or "failed"),
            Patience.Exchanges, $"3 e-invoices of till {till.TillId} registered", fixture.Hq);
        Assert.All(bills, b => Assert.True(b.Status == "registered", $"{b.DocNo} is {b.Status}: {b.LastError}"));
        using var irp = fixture.Irp.Client(HqScenario.StoreGstin);
        var (_, key) = await irp.PublishedKeyAsync();
        using var invoice = await SignedAsync(irp, key, EInvoiceDocumentType.Invoice, sale.BillNo, sale.CreatedAt);
        Assert.Equal([(135.00m, 51.48m, 83.52m, 7.52m, 98.56m), (1_300.00m, 93.52m, 1_206.48m, 72.39m, 1_351.26m)], Items(invoice));
        Assert.Equal(1_450.00m, invoice.RootElement.GetProperty("ValDtls").GetProperty("TotInvVal").GetDecimal());
        using var creditNote = await SignedAsync(irp, key, EInvoiceDocumentType.CreditNote, first.Return.CreditNoteNo, first.Return.CreatedAt);
        Assert.Equal([(650.00m, 100.34m, 549.66m, 32.98m, 615.62m)], Items(creditNote));
        Assert.Equal(616.00m, creditNote.RootElement.GetProperty("ValDtls").GetProperty("TotInvVal").GetDecimal());
        await AssertHledgerCleanAsync();
    }

    [Fact]
    public async Task AReturnThatTakesNothingBack_Commits_WithAReturnMismatchNamingHqsFigure()
    {
        var till = await HqScenario.EnrolTillAsync(fixture.Hq, version: SyncVersion.V2);
        var sale = await PromotedSaleAsync(till);
        var proRata = new ReturnFactory(till.Orders, till.BillPrefix).Next(sale, till.TillId, [(2, 1m, ReturnConditions.Restock)]);

        var reply = await till.SyncDocumentsAsync([TillClient.SaleDocument(sale), proRata]);

        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        var item = Assert.Single((await new ManagerClient(fixture.Hq).ListReviewsAsync($"kind={ReviewKinds.ReturnMismatch}&tillId={till.TillId}")).Items);
        Assert.Contains("its lines take back 0 paise of the sale's promotions; with every return of the bill HQ holds before it, the promotions' terms give 6000",
            item.Detail, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_files, recursive: true);
        return Task.CompletedTask;
    }

    // Soap 3 × ₹45.00 under buy 2 get 1 (one free) and ghee 2 × ₹650.00: ₹1,390.00 before tax reaches ₹1,000, so ₹100.00 off,
    // spread ₹6.48 and ₹93.52; to a B2B buyer, as a till prices it.
    private async Task<OrderDto> PromotedSaleAsync(TillClient till)
    {
        var manager = new ManagerClient(fixture.Hq);
        var soap = await manager.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
        var bill = await manager.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        OrderLineDto[] lines =
        [
            OrderFactory.Line("SOAP-125G", 3, 4_500 + 648) with { PromotionId = soap.Id, PromotionPaise = 4_500 },
            OrderFactory.Line("GHEE-1L", 2, 9_352),
        ];
        // Priced from a snapshot that holds both promotions: HQ judges the claims by that version (ADR 0011).
        var version = (await till.SnapshotAsync()).PricingVersion;
        return till.Orders.Next(lines, EInvoiceFixture.Buyer) with { BillPromotion = new BillPromotionDto(bill.Id, 10_000), PricingVersion = version };
    }

    private static Dictionary<string, long> TaxPostings(JournalEntryView entry) =>
        entry.Postings.Where(p => p.Account == Accounts.Sales || p.Account.StartsWith("liabilities:gst:", StringComparison.Ordinal))
            .GroupBy(p => p.Account).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountPaise));

    private static long Posted(JournalEntryView entry, string account) => entry.Postings.Where(p => p.Account == account).Sum(p => p.AmountPaise);

    // What the B2B intra-state rows gained, by rate.
    private static List<(int, long, long)> Delta(IReadOnlyList<GstSummaryRow> before, IReadOnlyList<GstSummaryRow> after) =>
        [.. after.Where(r => r.Supply == "B2B" && r.InterState == false).OrderBy(r => r.GstRateBp).Select(r =>
        {
            var was = before.SingleOrDefault(b => b.Supply == r.Supply && b.InterState == r.InterState && b.GstRateBp == r.GstRateBp);
            return (r.GstRateBp!.Value, r.TaxablePaise - (was?.TaxablePaise ?? 0), r.CgstPaise - (was?.CgstPaise ?? 0));
        }).Where(d => d.Item2 != 0)];

    private static async Task<JsonDocument> SignedAsync(IrpClient irp, System.Security.Cryptography.RSA key, EInvoiceDocumentType type, string number, DateTimeOffset at)
    {
        var atIrp = (await irp.GetByDocumentAsync(type, number, DocumentDates.Of(at))).Data!;
        return JsonDocument.Parse(IrpSignatures.VerifiedData(atIrp.SignedInvoice, key)!);
    }

    private static List<(decimal, decimal, decimal, decimal, decimal)> Items(JsonDocument signed) =>
        [.. signed.RootElement.GetProperty("ItemList").EnumerateArray().Select(i => (i.GetProperty("TotAmt").GetDecimal(), i.GetProperty("Discount").GetDecimal(),
            i.GetProperty("AssAmt").GetDecimal(), i.GetProperty("CgstAmt").GetDecimal(), i.GetProperty("TotItemVal").GetDecimal()))];

    private async Task AssertHledgerCleanAsync()
    {
        var file = Path.Combine(_files, $"{Guid.CreateVersion7():N}.journal");
        await File.WriteAllTextAsync(file, await Ledger.HledgerAsync());
        var (exitCode, output) = await Hledger.RunAsync(file, "check", "--strict");
        Assert.True(exitCode == 0, $"hledger check --strict failed ({exitCode}):\n{output}");
    }
}
