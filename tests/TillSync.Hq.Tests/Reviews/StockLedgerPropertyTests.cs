// Property: whatever the interleaving of receipts, offline sales from several tills synced at random moments, replays
// of synced batches and resolutions (some resent), one real HQ keeps on-hand = Σ movements = the model's count, and
// every sale that left on-hand below zero has exactly one stock_short item with the right short quantity — no more.
using CsCheck;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Reviews;

public sealed class StockLedgerPropertyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const int TillCount = 3;

    private static readonly string[] StockActions =
        [ResolutionActions.WriteOff, ResolutionActions.Backorder, ResolutionActions.TransferIn, ResolutionActions.CreditNote];

    private enum Step { Receipt, Sell, Sync, Replay, Resolve, ResendResolution }

    private sealed record Op(Step Step, int Till, int Qty, int Pick);

    private static readonly Gen<Op> OpGen = Gen.Select(Gen.Int[0, 5], Gen.Int[0, TillCount - 1], Gen.Int[1, 4], Gen.Int[0, 1_000],
        (step, till, qty, pick) => new Op((Step)step, till, qty, pick));

    [Fact]
    public async Task AnyInterleaving_KeepsOnHandEqualToMovements_AndOneReviewPerCrossingBelowZero()
    {
        // Bounded so that it stays well under a minute against a real HQ process; CsCheck prints the seed of a failure.
        await OpGen.Array[4, 40].SampleAsync(RunAsync, iter: 60, threads: 1);
    }

    private async Task RunAsync(Op[] ops)
    {
        var manager = fixture.Manager;
        var product = await manager.AddProductAsync(openingStock: 0);
        var tills = new List<TillClient>();
        for (var i = 0; i < TillCount; i++)
        {
            tills.Add(await fixture.EnrolTillAsync());
        }

        var queued = tills.Select(_ => new List<OrderDto>()).ToList();
        var lastSynced = tills.Select(_ => new List<OrderDto>()).ToList();
        var expectedOnHand = 0m;
        (long ReviewId, ReviewResolutionRequest Request, ReviewResolutionView View)? lastResolution = null;
        foreach (var op in ops)
        {
            switch (op.Step)
            {
                case Step.Receipt:
                    await manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, op.Qty)], Note: "delivery"));
                    expectedOnHand += op.Qty;
                    break;
                case Step.Sell:
                    queued[op.Till].Add(tills[op.Till].Orders.Next([ReviewCalls.LineOf(product, op.Qty)]));
                    expectedOnHand -= op.Qty;
                    break;
                case Step.Sync when queued[op.Till].Count > 0:
                    Assert.All((await tills[op.Till].SyncAsync(queued[op.Till])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
                    lastSynced[op.Till] = [.. queued[op.Till]];
                    queued[op.Till].Clear();
                    break;
                case Step.Replay when lastSynced[op.Till].Count > 0:
                    Assert.All((await tills[op.Till].SyncAsync(lastSynced[op.Till])).Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
                    break;
                case Step.Resolve:
                    var open = (await manager.ListReviewsAsync($"sku={product.Sku}")).Items;
                    if (open.Count == 0)
                    {
                        break;
                    }

                    var item = open[op.Pick % open.Count];
                    // Every third resolution covers the whole shortfall, said as its quantity (a missing qty is refused, issue 22).
                    var qty = op.Pick % 3 == 0 ? item.ShortQty!.Value : 1 + (op.Pick % (int)item.ShortQty!.Value);
                    var request = new ReviewResolutionRequest(StockActions[op.Pick % StockActions.Length], "property", Guid.CreateVersion7(), qty);
                    var view = await manager.ResolveAsync(item.ReviewId, request);
                    expectedOnHand += view.Movements.Sum(m => m.Qty);
                    Assert.Equal(request.Action is ResolutionActions.TransferIn or ResolutionActions.CreditNote ? view.Qty : 0m, view.Movements.Sum(m => m.Qty));
                    lastResolution = (item.ReviewId, request, view);
                    break;
                case Step.ResendResolution when lastResolution is { } last:
                    var again = await manager.ResolveAsync(last.ReviewId, last.Request);
                    Assert.Equal(last.View with { Movements = [] }, again with { Movements = [] });
                    break;
            }
        }

        for (var i = 0; i < TillCount; i++)
        {
            if (queued[i].Count > 0)
            {
                await tills[i].SyncAsync(queued[i]);
            }
        }

        await AssertLedgerAsync(manager, product.Sku, expectedOnHand);
    }

    private static async Task AssertLedgerAsync(ManagerClient manager, string sku, decimal expectedOnHand)
    {
        var movements = await manager.MovementsAsync(sku);
        var onHand = await manager.OnHandAsync(sku);
        Assert.Equal(expectedOnHand, onHand);
        Assert.Equal(movements.Sum(m => m.Qty), onHand);
        var crossings = movements.Where(m => m.Kind == "sale" && m.OnHandAfter < 0)
            .ToDictionary(m => m.ClientOrderId!.Value, m => Math.Min(-m.Qty, -m.OnHandAfter));
        var items = new List<ReviewItemView>();
        long? after = null;
        do
        {
            var page = await manager.ListReviewsAsync($"status=all&sku={sku}&limit=200{(after is null ? "" : $"&after={after}")}");
            items.AddRange(page.Items);
            after = page.NextAfter;
        }
        while (after is not null);

        Assert.All(items, i => Assert.Equal(ReviewKinds.StockShort, i.Kind));
        Assert.Equal(crossings.Count, items.Count);
        Assert.Equal(crossings.OrderBy(c => c.Key), items.Select(i => KeyValuePair.Create(i.ClientOrderId, i.ShortQty!.Value)).OrderBy(c => c.Key));
    }
}
