// Property: whatever the interleaving of sales, partial and cross-till returns (made before or after their originals
// reach HQ), syncs at random moments, replays and resolutions, one real HQ records each document once; per sale line
// Σ returned ≤ Σ sold or an over_return item names it; on-hand = Σ movements = the model; every journal entry balances;
// and the inventory account = Σ on-hand × cost.
using CsCheck;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class ReturnPropertyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const int TillCount = 3;
    private readonly List<ProductDto> _products = [];

    private enum Step { Sell, Return, Sync, Replay, Resolve }

    private sealed record Op(Step Step, int Till, int Qty, int Pick);

    private static readonly Gen<Op> OpGen = Gen.Select(Gen.Int[0, 4], Gen.Int[0, TillCount - 1], Gen.Int[1, 3], Gen.Int[0, 1_000],
        (step, till, qty, pick) => new Op((Step)step, till, qty, pick));

    [Fact]
    public async Task AnyInterleaving_RecordsEachDocumentOnce_FlagsOverReturns_KeepsStockAndBooksTrue()
    {
        // Bounded so that it stays around a minute against a real HQ process; CsCheck prints the seed of a failure.
        await OpGen.Array[6, 40].SampleAsync(RunAsync, iter: 25, threads: 1);
    }

    private async Task RunAsync(Op[] ops)
    {
        var manager = fixture.Manager;
        var product = await manager.AddProductAsync(openingStock: 20);
        _products.Add(product);
        var tills = new List<TillClient>();
        for (var i = 0; i < TillCount; i++)
        {
            tills.Add(await fixture.EnrolTillAsync(version: SyncVersion.V2));
        }

        var returnFactories = tills.Select(t => new ReturnFactory(t.Orders, t.BillPrefix)).ToList();
        var queued = tills.Select(_ => new List<TillDocumentDto>()).ToList();
        var lastSynced = tills.Select(_ => new List<TillDocumentDto>()).ToList();
        var sales = new List<(OrderDto Sale, long TillId)>();
        var returned = new Dictionary<Guid, decimal>();
        var expectedOnHand = 20m;
        foreach (var op in ops)
        {
            switch (op.Step)
            {
                case Step.Sell:
                    var sale = tills[op.Till].Orders.Next([ReviewCalls.LineOf(product, op.Qty)]);
                    queued[op.Till].Add(TillClient.SaleDocument(sale));
                    sales.Add((sale, tills[op.Till].TillId));
                    expectedOnHand -= op.Qty;
                    break;
                case Step.Return when sales.Count > 0:
                    // Any till takes back part or all of any sale it knows of, offline: it may not know of another till's return.
                    var (original, originalTill) = sales[op.Pick % sales.Count];
                    var qty = Math.Min(op.Qty, original.Lines[0].Qty);
                    var restock = op.Pick % 3 != 0;
                    queued[op.Till].Add(returnFactories[op.Till].Next(original, originalTill,
                        [(1, qty, restock ? ReturnConditions.Restock : ReturnConditions.Damaged)]));
                    returned[original.ClientOrderId] = returned.GetValueOrDefault(original.ClientOrderId) + qty;
                    expectedOnHand += restock ? qty : 0;
                    break;
                case Step.Sync when queued[op.Till].Count > 0:
                    Assert.All((await tills[op.Till].SyncDocumentsAsync(queued[op.Till])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
                    lastSynced[op.Till] = [.. queued[op.Till]];
                    queued[op.Till].Clear();
                    break;
                case Step.Replay when lastSynced[op.Till].Count > 0:
                    Assert.All((await tills[op.Till].SyncDocumentsAsync(lastSynced[op.Till])).Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
                    break;
                case Step.Resolve:
                    var open = (await manager.ListReviewsAsync($"kind={ReviewKinds.OverReturn}")).Items
                        .Where(i => sales.Exists(s => s.Sale.ClientOrderId == i.ClientOrderId)).ToList();
                    if (open.Count > 0)
                    {
                        await manager.ResolveAsync(open[op.Pick % open.Count].ReviewId,
                            new ReviewResolutionRequest(ResolutionActions.Acknowledge, "recovered at the counter", Guid.CreateVersion7()));
                    }

                    break;
            }
        }

        for (var i = 0; i < TillCount; i++)
        {
            if (queued[i].Count > 0)
            {
                Assert.All((await tills[i].SyncDocumentsAsync(queued[i])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
            }
        }

        await AssertRecordedOnceAsync(manager, tills, sales, returned);
        var movements = await manager.MovementsAsync(product.Sku);
        var onHand = await manager.OnHandAsync(product.Sku);
        Assert.Equal(expectedOnHand, onHand);
        Assert.Equal(movements.Sum(m => m.Qty), onHand);
        await AssertBooksAsync(manager);
    }

    private static async Task AssertRecordedOnceAsync(
        ManagerClient manager, List<TillClient> tills, List<(OrderDto Sale, long TillId)> sales, Dictionary<Guid, decimal> returned)
    {
        var overReturnItems = (await manager.ListReviewsAsync($"kind={ReviewKinds.OverReturn}&status=all&limit=200")).Items;
        foreach (var (sale, _) in sales)
        {
            var order = await manager.GetOrderAsync(sale.ClientOrderId);
            var line = Assert.Single(order.Returnable!);
            Assert.Equal(returned.GetValueOrDefault(sale.ClientOrderId), line.ReturnedQty);
            var flagged = overReturnItems.Any(i => i.ClientOrderId == sale.ClientOrderId);
            Assert.True(line.ReturnedQty <= line.SoldQty ? !flagged : flagged,
                $"bill {sale.BillNo}: sold {line.SoldQty}, returned {line.ReturnedQty}, over_return item {(flagged ? "present" : "missing")}");
        }

        foreach (var till in tills)
        {
            var notes = (await manager.ListCreditNotesAsync($"tillId={till.TillId}&limit=500")).CreditNotes;
            Assert.Equal(notes.Count, notes.Select(n => n.DocumentId).Distinct().Count());
            Assert.All(notes, n => Assert.NotNull(n.LinkedAt));
            Assert.Equal(till.Orders.NextSeq, (await manager.GetTillAsync(till.TillId)).NextSeq);
        }
    }

    private async Task AssertBooksAsync(ManagerClient manager)
    {
        var ledger = new LedgerClient(fixture.Hq);
        Assert.All(await ledger.JournalAsync(), e => Assert.Equal(0, e.Postings.Sum(p => p.AmountPaise)));
        var trial = await ledger.TrialBalanceAsync();
        Assert.Equal(trial.TotalDebitPaise, trial.TotalCreditPaise);
        long valuePaise = 0;
        foreach (var product in HqScenario.Products.Concat(_products))
        {
            valuePaise += (long)(await manager.OnHandAsync(product.Sku) * product.CostPaise);
        }

        Assert.Equal(valuePaise, trial.Rows.Single(r => r.Account == "assets:inventory").BalancePaise);
    }
}
