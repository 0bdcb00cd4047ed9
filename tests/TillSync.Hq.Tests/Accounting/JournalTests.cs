// Proves that each financial event posts exactly one balanced entry with the accounts docs/accounting.md names: a sale's
// tenders, revenue at taxable value, GST by tax and rate, round-off and COGS; a receipt's inventory at cost; and that
// replays and rejected orders post nothing; one event's entry is read by its ref.
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Hq.Accounting;
using TillSync.Hq.Orders;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class JournalTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private LedgerClient Ledger => new(fixture.Hq);

    [Fact]
    public async Task IntraStateSale_PostsTendersRevenueCgstSgstRoundOffAndCogs()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next(
            [OrderFactory.Line("GHEE-1L", 2, discountPaise: 1_000), OrderFactory.Line("SUGAR-LOOSE", 1.375m), OrderFactory.Line("SOAP-125G", 3)],
            HqScenario.B2BIntraState);

        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);

        var entry = await EntryOfAsync(order);
        Assert.Equal("sale", entry.Kind);
        Assert.Equal($"Bill {order.BillNo}", entry.Description);
        Assert.Equal(order.CreatedAt.ToOffset(BillNumber.IstOffset).ToString("yyyy-MM-dd"), entry.Date);
        Assert.Equal(0, entry.Postings.Sum(p => p.AmountPaise));
        var byAccount = entry.Postings.ToDictionary(p => p.Account, p => p.AmountPaise);
        foreach (var tender in order.Payments.GroupBy(p => p.Method))
        {
            Assert.Equal(tender.Sum(p => p.AmountPaise), byAccount[$"assets:{tender.Key}"]);
        }

        Assert.Equal(-order.Totals.TaxablePaise, byAccount["revenue:sales"]);
        // GHEE at 12 %, sugar at 5 %, soap at 18 %: CGST = SGST per rate, no IGST.
        Assert.Equal(-order.Totals.CgstPaise, byAccount.Where(p => p.Key.StartsWith("liabilities:gst:cgst:", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.Equal(-order.Totals.SgstPaise, byAccount.Where(p => p.Key.StartsWith("liabilities:gst:sgst:", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.Contains("liabilities:gst:cgst:12%", byAccount.Keys);
        Assert.Contains("liabilities:gst:sgst:5%", byAccount.Keys);
        Assert.Contains("liabilities:gst:cgst:18%", byAccount.Keys);
        Assert.DoesNotContain(byAccount.Keys, a => a.Contains(":igst:", StringComparison.Ordinal));
        Assert.Equal(order.Totals.RoundOffPaise == 0 ? 0 : -order.Totals.RoundOffPaise, byAccount.GetValueOrDefault("income:round-off"));
        // Cost at the catalogue's cost: ghee 2 × 560.00, sugar 1.375 kg × 40.00, soap 3 × 32.00.
        Assert.Equal(2 * 56_000 + 5_500 + 3 * 3_200, byAccount["expenses:cogs"]);
        Assert.Equal(-(2 * 56_000 + 5_500 + 3 * 3_200), byAccount["assets:inventory"]);
    }

    [Fact]
    public async Task InterStateSale_PostsIgstByRate()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next([OrderFactory.Line("COLA-750ML", 4), OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BInterState);

        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);

        var byAccount = (await EntryOfAsync(order)).Postings.ToDictionary(p => p.Account, p => p.AmountPaise);
        Assert.Equal(-order.Totals.IgstPaise, byAccount["liabilities:gst:igst:28%"] + byAccount["liabilities:gst:igst:5%"]);
        Assert.Equal(-OrderTotals.Compute(OrderMapping.ToCore(order with { Lines = [OrderFactory.Line("COLA-750ML", 4)] }).Lines, Core.Tax.SupplyKind.InterState).IgstPaise,
            byAccount["liabilities:gst:igst:28%"]);
        Assert.DoesNotContain(byAccount.Keys, a => a.Contains(":cgst:", StringComparison.Ordinal) || a.Contains(":sgst:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplayedBatch_PostsNothingMore()
    {
        var till = await fixture.EnrolTillAsync();
        var batch = till.Orders.NextBatch(20);
        await till.SyncAsync(batch);
        var before = await Ledger.TrialBalanceAsync();

        var replay = await till.SyncAsync(batch);

        Assert.All(replay.Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
        Books.AssertSame(before, await Ledger.TrialBalanceAsync());
    }

    [Fact]
    public async Task RejectedOrder_PostsNothing()
    {
        var till = await fixture.EnrolTillAsync();
        var good = till.Orders.Next();
        var unknownSku = OrderFactory.WithLines(till.Orders.Next(), [new OrderLineDto("NO-SUCH-SKU", 1, 10_000, 0, 1_800)]);
        await till.SyncOneAsync(good);
        var before = await Ledger.TrialBalanceAsync();

        Assert.Equal(SyncStatus.Rejected, (await till.SyncOneAsync(unknownSku)).Status);

        Books.AssertSame(before, await Ledger.TrialBalanceAsync());
        Assert.DoesNotContain(await Ledger.JournalAsync(), e => e.Ref == $"sale:{unknownSku.ClientOrderId}");
    }

    [Fact]
    public async Task StockReceipt_PostsInventoryAgainstSupplierPayablesAtCost()
    {
        var before = await Ledger.TrialBalanceAsync();

        var receipt = await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest(
            [new StockReceiptLine("RICE-5KG", 10), new StockReceiptLine("SUGAR-LOOSE", 2.5m)], Note: "supplier invoice 88"));

        var entry = (await Ledger.JournalAsync()).Single(e => e.Ref == $"receipt:{receipt.ReceiptId}");
        Assert.Equal("receipt", entry.Kind);
        const long costPaise = 10 * 28_000 + 10_000;
        Assert.Equal([new PostingView("assets:inventory", costPaise), new PostingView("liabilities:payables:suppliers", -costPaise)], entry.Postings);
        var after = await Ledger.TrialBalanceAsync();
        Assert.Equal(before.Entries + 1, after.Entries);
        Assert.Equal(Books.Balance(before, "assets:inventory") + costPaise, Books.Balance(after, "assets:inventory"));
    }

    [Fact]
    public async Task TrialBalance_PeriodFilter_CountsOnlyThatDaysEntries()
    {
        var till = await fixture.EnrolTillAsync();
        // A sale made offline two days ago (IST) belongs to that day's books, not to the day it reached HQ.
        var twoDaysAgo = OrderFactory.Now().AddDays(-2);
        var old = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("SOAP-125G", 1)], createdAt: twoDaysAgo);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(old)).Status);
        var day = twoDaysAgo.ToString("yyyy-MM-dd");

        var thatDay = await Ledger.TrialBalanceAsync(day, day);

        Assert.Equal(day, thatDay.From);
        Assert.Contains((await Ledger.JournalAsync(day, day)), e => e.Ref == $"sale:{old.ClientOrderId}");
        Assert.All(await Ledger.JournalAsync(day, day), e => Assert.Equal(day, e.Date));
        Assert.Equal(thatDay.TotalDebitPaise, thatDay.TotalCreditPaise);
        Assert.Equal(-old.Totals.TaxablePaise, Books.Balance(thatDay, "revenue:sales"));
    }

    [Fact]
    public async Task WorkedExamples_PostExactlyTheEntriesDocsAccountingShows()
    {
        // docs/accounting.md walks through these two sales; if a rule changes, the page must change with it.
        var till = await fixture.EnrolTillAsync();
        var intra = till.Orders.Next([OrderFactory.Line("GHEE-1L", 2, discountPaise: 1_000), OrderFactory.Line("SUGAR-LOOSE", 1.375m)],
            HqScenario.B2BIntraState) with { Payments = [new PaymentDto("card", 151_100)] };
        var inter = till.Orders.Next([OrderFactory.Line("COLA-750ML", 4), OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BInterState)
            with { Payments = [new PaymentDto("upi", 30_000), new PaymentDto("cash", 24_600)] };

        Assert.All((await till.SyncAsync([intra, inter])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));

        Assert.Equal(
            [
                new PostingView("assets:card", 151_100), new PostingView("revenue:sales", -135_325),
                new PostingView("liabilities:gst:cgst:12%", -7_740), new PostingView("liabilities:gst:sgst:12%", -7_740),
                new PostingView("liabilities:gst:cgst:5%", -158), new PostingView("liabilities:gst:sgst:5%", -158),
                new PostingView("income:round-off", 21), new PostingView("expenses:cogs", 117_500), new PostingView("assets:inventory", -117_500),
            ],
            (await EntryOfAsync(intra)).Postings);
        Assert.Equal(
            [
                new PostingView("assets:upi", 30_000), new PostingView("assets:cash", 24_600), new PostingView("revenue:sales", -48_500),
                new PostingView("liabilities:gst:igst:28%", -4_480), new PostingView("liabilities:gst:igst:5%", -1_625),
                new PostingView("income:round-off", 5), new PostingView("expenses:cogs", 38_400), new PostingView("assets:inventory", -38_400),
            ],
            (await EntryOfAsync(inter)).Postings);
    }

    [Fact]
    public async Task DaySales_WithoutBy_ListsDaysUpTo92DaysAndMonthsBeyondOrOpen()
    {
        var till = await fixture.EnrolTillAsync();
        Assert.All((await till.SyncAsync(till.Orders.NextBatch(2))).Results, r => Assert.Equal(SyncStatus.Created, r.Status));

        var byDay = await Ledger.DaySalesAsync(by: DaySalesGrain.Day);
        var unqualified = await Ledger.DaySalesAsync();

        // All time, asked without a grain, is grouped by month (read from the roll-up) and says so; its figures are the days'.
        Assert.Equal(DaySalesGrain.Month, unqualified.By);
        Assert.NotEmpty(unqualified.Days);
        Assert.All(unqualified.Days, m => Assert.Matches("^[0-9]{4}-[0-9]{2}$", m.Date));
        Assert.Equal(byDay.Totals, unqualified.Totals);
        Assert.Equal(byDay.Days.Select(d => d.Date![..7]).Distinct(), unqualified.Days.Select(m => m.Date));
        // 1 January to 2 April is 91 days from first to last: by day; to 3 April, 92: by month; an open end: by month.
        Assert.Equal(DaySalesGrain.Day, (await Ledger.DaySalesAsync("2026-01-01", "2026-04-02")).By);
        Assert.Equal(DaySalesGrain.Month, (await Ledger.DaySalesAsync("2026-01-01", "2026-04-03")).By);
        Assert.Equal(DaySalesGrain.Month, (await Ledger.DaySalesAsync(from: "2026-01-01")).By);
        Assert.Equal(DaySalesGrain.Day, byDay.By);
    }

    public static TheoryData<string> BadQueries => [
        "/api/v1/ledger/trial-balance?from=28-11-2026",
        "/api/v1/ledger/trial-balance?from=2026-11-29&to=2026-11-28",
        "/api/v1/ledger/trial-balance?storeId=999",
        "/api/v1/ledger/gst-summary?to=yesterday",
        "/api/v1/ledger/day-sales?by=week",
        "/api/v1/ledger/journal?format=csv",
        "/api/v1/ledger/journal?limit=0",
        "/api/v1/ledger/journal?limit=1001",
        "/api/v1/ledger/journal?ref=",
        "/api/v1/ledger/journal?format=hledger&ref=sale:x",
        $"/api/v1/ledger/journal?ref={new string('s', JournalKinds.RefLengthMax + 1)}",
    ];

    [Fact]
    public async Task Journal_ByRef_AnswersThatEntryAlone()
    {
        var till = await fixture.EnrolTillAsync();
        var orders = till.Orders.NextBatch(3);
        Assert.All((await till.SyncAsync(orders)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));

        var page = await Responses.ExpectAsync(
            await Ledger.GetRawAsync($"/api/v1/ledger/journal?ref=sale:{orders[1].ClientOrderId}"), HttpStatusCode.OK, TillSyncJsonContext.Default.JournalPage, fixture.Hq);
        var none = await Responses.ExpectAsync(
            await Ledger.GetRawAsync($"/api/v1/ledger/journal?ref=sale:{Guid.CreateVersion7()}"), HttpStatusCode.OK, TillSyncJsonContext.Default.JournalPage, fixture.Hq);

        var entry = Assert.Single(page.Entries);
        var listed = await EntryOfAsync(orders[1]);
        Assert.Equal((listed.EntryNo, listed.Ref), (entry.EntryNo, entry.Ref));
        Assert.Equal(listed.Postings, entry.Postings);
        Assert.Equal($"Bill {orders[1].BillNo}", entry.Description);
        Assert.Null(page.NextAfter);
        Assert.Empty(none.Entries);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadQuery_Returns400Problem(string pathAndQuery)
    {
        await Responses.ExpectProblemAsync(await Ledger.GetRawAsync(pathAndQuery), HttpStatusCode.BadRequest, fixture.Hq);
    }

    [Theory]
    [InlineData("/api/v1/ledger/trial-balance")]
    [InlineData("/api/v1/ledger/gst-summary")]
    [InlineData("/api/v1/ledger/journal")]
    [InlineData("/api/v1/ledger/journal?format=hledger")]
    public async Task LedgerEndpoints_TillToken_Returns403(string pathAndQuery)
    {
        var till = await fixture.EnrolTillAsync();

        await Responses.ExpectProblemAsync(await Ledger.GetRawAsync(pathAndQuery, till.Token), HttpStatusCode.Forbidden, fixture.Hq);
    }

    private async Task<JournalEntryView> EntryOfAsync(OrderDto order) =>
        (await Ledger.JournalAsync()).Single(e => e.Ref == $"sale:{order.ClientOrderId}");
}
