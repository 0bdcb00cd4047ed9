// Property: whatever mix of sales (intra- and inter-state, every rate, discounts, split tenders, loose weights),
// replays, rejected orders, receipts and resolved shortfalls (write-offs, transfers, credit notes, backorders) reaches
// HQ, every journal entry balances, the trial balance sums to zero, revenue and each tax equal their sums over the
// committed orders less the credit notes, tenders equal the payments taken, and replays and rejections post nothing. Each generated case runs against one real HQ process over HTTP.
using CsCheck;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class LedgerPropertyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private enum Step { Sales = 1, Replay, Rejected, Receipt, Resolution }

    private static readonly string[] Resolutions =
        [ResolutionActions.WriteOff, ResolutionActions.TransferIn, ResolutionActions.CreditNote, ResolutionActions.Backorder];

    private static readonly Gen<(Step Step, int Seed)[]> Steps =
        Gen.Select(Gen.Int[0, 11], Gen.Int).Select((kind, seed) => (kind switch
        {
            < 5 => Step.Sales,
            < 7 => Step.Replay,
            < 9 => Step.Rejected,
            < 10 => Step.Receipt,
            _ => Step.Resolution,
        }, seed)).Array[1, 8];

    // What the credit notes of the current case gave back, computed here from the sale's line with Core's GST rule.
    private readonly List<LineTax> _credited = [];

    [Fact]
    public async Task AnySequenceOfEvents_KeepsTheBooksBalancedAndEqualToTheOrders()
    {
        var till = await fixture.EnrolTillAsync();
        var sent = new List<IReadOnlyList<OrderDto>>();
        await Steps.SampleAsync(async steps =>
        {
            // Each case is judged by what it changed, so that a case that failed half-way (and CsCheck's shrinking runs
            // after it) cannot leave expectations behind for the next one.
            _credited.Clear();
            var booksBefore = await Ledger.TrialBalanceAsync();
            var ordersBefore = (await fixture.Manager.ListAllOrdersAsync(null)).Select(o => o.ClientOrderId).ToHashSet();
            foreach (var (step, seed) in steps)
            {
                await ApplyAsync(till, step, seed, sent);
            }

            await AssertBooksMatchOrdersAsync(booksBefore, ordersBefore);
        }, iter: 12, threads: 1);
    }

    private async Task ApplyAsync(TillClient till, Step step, int seed, List<IReadOnlyList<OrderDto>> sent)
    {
        var random = new Random(seed);
        switch (step)
        {
            case Step.Sales:
                var batch = new OrderFactory(till.BillPrefix, seed) { NextSeq = till.Orders.NextSeq }.NextBatch(random.Next(1, 30));
                till.Orders.NextSeq += batch.Count;
                Assert.All((await till.SyncAsync(batch)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
                sent.Add(batch);
                break;
            case Step.Replay when sent.Count > 0:
                var before = await Ledger.TrialBalanceAsync();
                var replay = await till.SyncAsync(sent[random.Next(sent.Count)]);
                Assert.All(replay.Results, r => Assert.True(r.Replayed));
                Books.AssertSame(before, await Ledger.TrialBalanceAsync());
                break;
            case Step.Rejected:
                var beforeRejection = await Ledger.TrialBalanceAsync();
                var order = till.Orders.Next();
                var wrongTotal = order with { Totals = order.Totals with { TaxablePaise = order.Totals.TaxablePaise + 1 } };
                Assert.Equal(SyncStatus.Rejected, (await till.SyncOneAsync(wrongTotal)).Status);
                Books.AssertSame(beforeRejection, await Ledger.TrialBalanceAsync());
                break;
            case Step.Receipt:
                var product = HqScenario.Products[random.Next(HqScenario.Products.Count)];
                await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, random.Next(1, 50))]));
                break;
            case Step.Resolution:
                await OversellAndResolveAsync(till, random);
                break;
        }
    }

    // A sale beyond on-hand opens a shortfall review; a manager resolves it with a random action and quantity.
    private async Task OversellAndResolveAsync(TillClient till, Random random)
    {
        var product = HqScenario.Products.Where(p => p.Unit != "KGS").ElementAt(random.Next(HqScenario.Products.Count - 1));
        var extra = random.Next(1, 4);
        var customer = random.Next(3) == 0 ? HqScenario.B2BInterState : null;
        var order = till.Orders.Next([OrderFactory.Line(product.Sku, Math.Max(0, await fixture.Manager.OnHandAsync(product.Sku)) + extra)], customer);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);
        var review = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=open&kind=stock_short&sku={product.Sku}&order=newest&limit=200")).Items,
            r => r.ClientOrderId == order.ClientOrderId);
        var action = Resolutions[random.Next(Resolutions.Length)];
        var qty = random.Next(1, extra + 1);
        await fixture.Manager.ResolveAsync(review.ReviewId, new ReviewResolutionRequest(action, "property test", Guid.CreateVersion7(), Qty: qty));
        if (action == ResolutionActions.CreditNote)
        {
            // The order's own customer decides the supply (the factory picks one at random when none is given).
            _credited.Add(GstCalculator.ForLine(qty, product.PricePaise, 0, product.GstRateBp,
                OrderTotals.SupplyKindOf(HqScenario.StoreGstin, order.Customer?.PlaceOfSupply), product.TaxInclusive == true));
        }
    }

    private async Task AssertBooksMatchOrdersAsync(TrialBalanceView booksBefore, HashSet<Guid> ordersBefore)
    {
        var journal = await Ledger.JournalAsync();
        Assert.All(journal, e => Assert.Equal(0, e.Postings.Sum(p => p.AmountPaise)));
        var trialBalance = await Ledger.TrialBalanceAsync();
        Assert.Equal(0, trialBalance.Rows.Sum(r => r.BalancePaise));
        Assert.Equal(journal.Count, trialBalance.Entries);

        var orders = await fixture.Manager.ListAllOrdersAsync(null);
        var committed = orders.Where(o => o.Status == "committed").Select(o => o.Order).ToList();
        Assert.Equal(committed.Select(o => $"sale:{o.ClientOrderId}").Order(), journal.Where(e => e.Kind == "sale").Select(e => e.Ref).Order());

        // This case's movement of each account: what its new committed bills charged, less what its credit notes gave back.
        var added = committed.Where(o => !ordersBefore.Contains(o.ClientOrderId)).ToList();
        long Moved(string account) => Books.Balance(trialBalance, account) - Books.Balance(booksBefore, account);
        long MovedUnder(string prefix) => Books.BalanceUnder(trialBalance, prefix) - Books.BalanceUnder(booksBefore, prefix);
        Assert.Equal(-added.Sum(o => o.Totals.TaxablePaise) + _credited.Sum(c => c.TaxablePaise), Moved("revenue:sales"));
        Assert.Equal(-added.Sum(o => o.Totals.CgstPaise) + _credited.Sum(c => c.CgstPaise), MovedUnder("liabilities:gst:cgst:"));
        Assert.Equal(-added.Sum(o => o.Totals.SgstPaise) + _credited.Sum(c => c.SgstPaise), MovedUnder("liabilities:gst:sgst:"));
        Assert.Equal(-added.Sum(o => o.Totals.IgstPaise) + _credited.Sum(c => c.IgstPaise), MovedUnder("liabilities:gst:igst:"));
        Assert.Equal(-_credited.Sum(c => c.TaxablePaise + c.CgstPaise + c.SgstPaise + c.IgstPaise), Moved("liabilities:refunds"));
        Assert.Equal(-added.Sum(o => o.Totals.RoundOffPaise), Moved("income:round-off"));
        foreach (var method in new[] { "cash", "card", "upi" })
        {
            Assert.Equal(added.SelectMany(o => o.Payments).Where(p => p.Method == method).Sum(p => p.AmountPaise), Moved($"assets:{method}"));
        }
    }

    private LedgerClient Ledger => new(fixture.Hq);
}
