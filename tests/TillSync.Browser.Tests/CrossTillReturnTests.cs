// Proves issue 15's acceptance on real processes and a real browser: with HQ down, till 1 sells, and at till 2 (also cut
// off) the customer returns one soap from the code printed on till 1's receipt (decoded from the QR image the page drew);
// the same code with one price altered is refused. Then the tills reach HQ, once till 1 first (HQ restarted) and once
// till 2 first (a second HQ started from a copy of the first's data as it was when the tills went offline, each till's
// link cut and restored on its own): either way HQ holds the sale and the return once each, linked, on-hand moved −3
// and +1, the refund is the line's value pro rata, the journal balances and passes `hledger check --strict`, the GST
// summary lists the credit note, and two soaps remain returnable.
using System.Globalization;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class CrossTillReturnTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Soap = "SOAP-125G";
    private const int SoapLineNo = 2;
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReturnAtAnotherTill_HqDown_FromTheReceiptCode_ThenHqLinksSaleAndReturn_WhicheverTillReachesItFirst()
    {
        await using var session = await CashierSession.StartAsync(browser, output,
            nameof(ReturnAtAnotherTill_HqDown_FromTheReceiptCode_ThenHqLinksSaleAndReturn_WhicheverTillReachesItFirst), deviceScaleFactor: 2, linkPerTill: true);
        await session.RunAsync(async () =>
        {
            var seller = session.Cashier;
            var (otherTill, otherEnrolment, other) = await session.AddTillAsync("Counter B");
            session.Hq.KillHard();
            await seller.WaitForSyncStateAsync("offline", SyncTimeout);
            await other.WaitForSyncStateAsync("offline", SyncTimeout);

            var (sale, returned) = await ReturnFromTheReceiptCodeAsync(session, otherTill, otherEnrolment, other);
            var documents = new Documents(sale, session.Enrolment.TillId, returned, otherEnrolment.TillId);
            // The HQ the tills will reach second, as the first one is now: before either till's documents.
            using var secondHq = await session.Hq.StartCopyAsync();
            var sellerLink = session.Link(session.Till);
            var returnerLink = session.Link(otherTill);

            // Till 1 reaches HQ first: the return then finds its original already there.
            returnerLink.SetMode(LinkMode.Refuse);
            await session.Hq.RestartAsync();
            await Poll.UntilAsync(() => session.Hq.OrdersAsync(documents.SellerTillId), o => o.Count == 1, Patience.Exchanges, o => $"{o.Count} orders of till 1");
            Assert.Empty(await session.Hq.CreditNotesAsync(otherEnrolment.TillId));
            returnerLink.SetMode(LinkMode.Pass);
            await Poll.UntilAsync(() => session.Hq.CreditNotesAsync(otherEnrolment.TillId), c => c.Count == 1, Patience.Exchanges, c => $"{c.Count} credit notes");
            await AssertSaleAndReturnOnceEachLinkedAsync(session.Hq, documents, saleFirst: true);

            // Till 2 reaches the other HQ first: the return commits awaiting its original, which links it when it arrives.
            // Each till learns from that HQ's nextSeq that it lacks their documents and sends them again.
            sellerLink.SetMode(LinkMode.Refuse);
            sellerLink.Upstream = secondHq.Address;
            returnerLink.Upstream = secondHq.Address;
            var awaiting = Assert.Single(await Poll.UntilAsync(() => secondHq.CreditNotesAsync(otherEnrolment.TillId), c => c.Count == 1,
                Patience.Exchanges, c => $"{c.Count} credit notes"));
            Assert.Null(awaiting.LinkedAt);
            Assert.Contains("awaiting_original", awaiting.Flags);
            Assert.Empty(await secondHq.OrdersAsync(documents.SellerTillId));
            sellerLink.SetMode(LinkMode.Pass);
            await Poll.UntilAsync(() => secondHq.OrdersAsync(documents.SellerTillId), o => o.Count == 1, Patience.Exchanges, o => $"{o.Count} orders of till 1");
            await AssertSaleAndReturnOnceEachLinkedAsync(secondHq, documents, saleFirst: false);
        });
    }

    // Till 1 sells rice, three soaps and milk; till 2 takes one soap back from the scanned receipt code and refuses the
    // code with a price raised. Returns what each till stored to send.
    private static async Task<(OrderDto Sale, TillDocumentDto Return)> ReturnFromTheReceiptCodeAsync(
        CashierSession session, TillServer otherTill, TillSync.Contracts.Tills.TillEnrolmentResult otherEnrolment, CashierPage other)
    {
        var seller = session.Cashier;
        foreach (var (code, sku, qty) in new[] { ("RICE-5KG", "RICE-5KG", "1"), ("3*SOAP-125G", Soap, "3"), ("MILK-500ML", "MILK-500ML", "1") })
        {
            await seller.ScanAsync(code, sku, qty);
        }

        await seller.Page.Keyboard.PressAsync("F9");
        await seller.Page.Keyboard.PressAsync("F9");
        var billNo = await seller.WaitForReceiptAsync();
        var printed = await seller.Receipt.GetByTestId("receipt-code").GetAttributeAsync("data-receipt-code");
        var scanned = await QrImages.DecodeAsync(seller.Receipt.GetByTestId("receipt-code-qr"));
        Assert.Equal(printed, scanned);
        await session.ReceiptScreenshotAsync("receipt-with-return-code");
        await seller.CloseReceiptAsync();

        // At the other till, the customer's receipt is scanned: the scanner types the code and Enter.
        var oneSoapPaise = BillTotals.Of([ReturnMath.ForLine(3, 4_500, 0, 1_800, 1, SupplyKind.IntraState)]).TotalPaise;
        await other.FindForReturnAsync(scanned, billNo);
        await Expect(other.By("return-source")).ToHaveAttributeAsync("data-source", ReturnSources.ReceiptCode);
        await other.ReturnQtyAsync(SoapLineNo, "1");
        await other.WaitForReturnTotalAsync(oneSoapPaise);
        await other.Page.Keyboard.PressAsync("F9");
        var creditNoteNo = await other.WaitForCreditNoteAsync();
        Assert.Equal($"{otherEnrolment.BillPrefix}/{BillNumber.FinancialYear(DateTimeOffset.UtcNow)}/C00001", creditNoteNo);
        await Expect(other.CreditNote.GetByTestId("credit-note-original")).ToHaveTextAsync(billNo);
        await other.CloseReceiptAsync();

        // The same receipt with one price raised: refused, and nothing recorded.
        await other.Page.Keyboard.PressAsync("F6");
        await other.Page.Keyboard.TypeAsync(ReceiptCodeTamper.RaisePrice(scanned));
        await other.Page.Keyboard.PressAsync("Enter");
        await Expect(other.By("return-message")).ToContainTextAsync("altered or forged");
        await Expect(other.By("return-sale")).ToBeHiddenAsync();
        await session.ScreenshotAsync("altered-code-refused");

        var returned = Assert.Single(await TillStore.DocumentsAsync(otherTill, DocumentKinds.Return)).Document;
        var stored = returned.Return!;
        Assert.Equal((billNo, session.Enrolment.TillId, ReturnSources.ReceiptCode, scanned, oneSoapPaise),
            (stored.Original.BillNo, stored.Original.TillId, stored.Original.Source, stored.Original.ReceiptCode, stored.Totals.TotalPaise));
        var sale = Assert.Single(await TillStore.DocumentsAsync(session.Till, DocumentKinds.Sale)).Document.Sale!;
        Assert.Equal((sale.ClientOrderId, sale.CreatedAt, sale.Totals.TotalPaise), (stored.Original.ClientOrderId, stored.Original.CreatedAt, stored.Original.TotalPaise));
        return (sale, returned);
    }

    private async Task AssertSaleAndReturnOnceEachLinkedAsync(HqServer hq, Documents documents, bool saleFirst)
    {
        var (sale, returned) = (documents.Sale, documents.Return);
        var order = Assert.Single(await hq.OrdersAsync(documents.SellerTillId));
        Assert.Equal((sale.ClientOrderId, "committed"), (order.ClientOrderId, order.Status));
        var creditNote = Assert.Single(await hq.CreditNotesAsync(documents.ReturnerTillId));
        Assert.Equal((returned.DocumentId, sale.ClientOrderId), (creditNote.DocumentId, creditNote.OriginalOrderId));
        Assert.NotNull(creditNote.LinkedAt);

        // The refund is the soap line's value as HQ holds it, pro rata: one of three.
        var withReturns = await hq.OrderAsync(sale.ClientOrderId);
        var line = withReturns.Order.Lines[SoapLineNo - 1];
        var expectedPaise = BillTotals.Of([ReturnMath.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, 1, SupplyKind.IntraState, line.TaxInclusive)]).TotalPaise;
        Assert.Equal(expectedPaise, creditNote.TotalPaise);
        Assert.Equal([returned.DocumentId], withReturns.Returns!.Select(r => r.DocumentId));
        Assert.Equal((3m, 1m, 2m), withReturns.Returnable!.Where(l => l.Sku == Soap).Select(l => (l.SoldQty, l.ReturnedQty, l.ReturnableQty)).Single());

        // On-hand: −3 for the sale and +1 for the return (restocked), in the order HQ got them.
        var movements = await hq.MovementsAsync(Soap);
        (string, decimal, Guid?)[] sold = [("sale", -3m, sale.ClientOrderId)];
        (string, decimal, Guid?)[] back = [("return", 1m, returned.DocumentId)];
        Assert.Equal(saleFirst ? [.. sold, .. back] : [.. back, .. sold],
            movements.Movements.Where(m => m.Kind != "receipt").Select(m => (m.Kind, m.Qty, m.ClientOrderId)));
        Assert.Equal(Shop.OpeningStock - 2, movements.OnHand);

        // The books: one entry each, every entry balanced, and hledger agrees.
        var journal = await hq.JournalAsync();
        Assert.Single(journal, e => e.Ref == $"sale:{sale.ClientOrderId}");
        Assert.Single(journal, e => e.Ref == $"return:{returned.DocumentId}");
        Assert.All(journal, e => Assert.Equal(0, e.Postings.Sum(p => p.AmountPaise)));
        var trial = await hq.TrialBalanceAsync();
        Assert.Equal(trial.TotalDebitPaise, trial.TotalCreditPaise);
        var file = Path.Combine(hq.DataDir, "export.journal");
        await File.WriteAllTextAsync(file, await hq.HledgerJournalAsync());
        var (exitCode, checkOutput) = await Hledger.RunAsync(file, "check", "--strict");
        Assert.True(exitCode == 0, $"hledger check --strict failed ({exitCode}):\n{checkOutput}");

        // The GST summary lists the credit note apart from the bill: B2C, intra-state, at the soap's 18 %.
        var gst = await hq.GstSummaryAsync();
        Assert.Equal(1, gst.CreditNoteTotals!.Invoices);
        var row = Assert.Single(gst.CreditNotes!);
        Assert.Equal(("B2C", false, 1_800, returned.Return!.Totals.TaxablePaise), (row.Supply, row.InterState, row.GstRateBp, row.TaxablePaise));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(saleFirst ? "sale first" : "return first")}: credit note {creditNote.CreditNoteNo} ₹{creditNote.TotalPaise / 100m:0.00}, soap on-hand {movements.OnHand}"));
    }

    // What the two tills made offline: the sale at till 1 and the return at till 2.
    private sealed record Documents(OrderDto Sale, long SellerTillId, TillDocumentDto Return, long ReturnerTillId);
}
