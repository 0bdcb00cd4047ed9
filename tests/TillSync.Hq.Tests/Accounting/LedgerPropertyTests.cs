// Property: whatever mix of sales (intra- and inter-state, every rate, discounts, split tenders, loose weights),
// replays, rejected orders and receipts reaches HQ, every journal entry balances, the trial balance sums to zero, revenue
// and each tax equal their sums over the committed orders, tenders equal the payments taken, and replays and
// rejections post nothing. Each generated case runs against one real HQ process over HTTP.
using CsCheck;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class LedgerPropertyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private enum Step { Sales = 1, Replay, Rejected, Receipt }

    private static readonly Gen<(Step Step, int Seed)[]> Steps =
        Gen.Select(Gen.Int[0, 9], Gen.Int).Select((kind, seed) => (kind switch
        {
            < 5 => Step.Sales,
            < 7 => Step.Replay,
            < 9 => Step.Rejected,
            _ => Step.Receipt,
        }, seed)).Array[1, 8];

    [Fact]
    public async Task AnySequenceOfEvents_KeepsTheBooksBalancedAndEqualToTheOrders()
    {
        var till = await fixture.EnrolTillAsync();
        var sent = new List<IReadOnlyList<OrderDto>>();
        await Steps.SampleAsync(async steps =>
        {
            foreach (var (step, seed) in steps)
            {
                await ApplyAsync(till, step, seed, sent);
            }

            await AssertBooksMatchOrdersAsync();
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
        }
    }

    private async Task AssertBooksMatchOrdersAsync()
    {
        var journal = await Ledger.JournalAsync();
        Assert.All(journal, e => Assert.Equal(0, e.Postings.Sum(p => p.AmountPaise)));
        var trialBalance = await Ledger.TrialBalanceAsync();
        Assert.Equal(0, trialBalance.Rows.Sum(r => r.BalancePaise));
        Assert.Equal(journal.Count, trialBalance.Entries);

        var orders = await fixture.Manager.ListAllOrdersAsync(null);
        var committed = orders.Where(o => o.Status == "committed").Select(o => o.Order).ToList();
        Assert.Equal(committed.Select(o => $"sale:{o.ClientOrderId}").Order(), journal.Where(e => e.Kind == "sale").Select(e => e.Ref).Order());
        Assert.Equal(-committed.Sum(o => o.Totals.TaxablePaise), Books.Balance(trialBalance, "revenue:sales"));
        Assert.Equal(-committed.Sum(o => o.Totals.CgstPaise), Books.BalanceUnder(trialBalance, "liabilities:gst:cgst:"));
        Assert.Equal(-committed.Sum(o => o.Totals.SgstPaise), Books.BalanceUnder(trialBalance, "liabilities:gst:sgst:"));
        Assert.Equal(-committed.Sum(o => o.Totals.IgstPaise), Books.BalanceUnder(trialBalance, "liabilities:gst:igst:"));
        Assert.Equal(-committed.Sum(o => o.Totals.RoundOffPaise), Books.Balance(trialBalance, "income:round-off"));
        foreach (var method in new[] { "cash", "card", "upi" })
        {
            Assert.Equal(committed.SelectMany(o => o.Payments).Where(p => p.Method == method).Sum(p => p.AmountPaise), Books.Balance(trialBalance, $"assets:{method}"));
        }
    }

    private LedgerClient Ledger => new(fixture.Hq);
}
