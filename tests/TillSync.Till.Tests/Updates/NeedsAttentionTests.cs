// Proves the till learns HQ's review decisions: a sale that oversold stock shows under "needs attention" once HQ's
// updates feed reports its review item, and leaves the list when a manager resolves it. In-process till on a fake
// clock (heartbeats advance with it), real HQ process, updates kept in the till's own SQLite file.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Updates;

public sealed class NeedsAttentionTests
{
    [Fact]
    public async Task StockShortSale_ShowsUnderNeedsAttention_UntilAManagerResolvesIt()
    {
        await using var shop = await TillScenario.StartAsync();
        // One jar of ghee left on HQ's books (a stock-take found the rest gone).
        var product = HqScenario.Product("GHEE-1L");
        await shop.Manager.AdjustStockAsync(new StockAdjustmentRequest([new StockAdjustmentLine(product.Sku, 1 - HqScenario.OpeningStock)], "stock-take"));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync(betweenPolls: AdvanceOneSecond(time));

        var sale = await till.Api.SellAsync(Carts.PaidInCash([new CartLine(product.Sku, 3)]));
        await till.Api.SyncNowAsync();
        var flagged = await till.Api.WaitStatusAsync(s => s.QueueDepth == 0 && s.AttentionCount == 1, "the shortfall to need attention",
            betweenPolls: AdvanceOneSecond(time));

        Assert.Equal(1, flagged.AttentionCount);
        var item = Assert.Single(await till.Api.AttentionAsync());
        Assert.Equal((sale.ClientOrderId, sale.BillNo, "review", ReviewKinds.StockShort), (item.DocumentId, item.Number, item.Status, item.Reason));
        Assert.Contains(product.Sku, item.Detail, StringComparison.Ordinal);
        Assert.Equal("synced", (await till.Api.ReceiptAsync(sale.ClientOrderId)).SyncState);
        var review = Assert.Single((await shop.Manager.ListReviewsAsync($"sku={product.Sku}")).Items);
        Assert.Equal(review.ReviewId, item.ReviewId);

        await shop.Manager.ResolveAsync(review.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Backorder, "customer collects two more on Monday", Guid.CreateVersion7(), Qty: 2));
        // The next heartbeat (15 s on the till's clock) brings the resolution.
        var cleared = await till.Api.WaitStatusAsync(s => s.AttentionCount == 0, "the resolution to clear the list", betweenPolls: AdvanceOneSecond(time));

        Assert.Equal(0, cleared.AttentionCount);
        Assert.Empty(await till.Api.AttentionAsync());
    }

    [Fact]
    public async Task RejectedSale_ShowsOnceWithItsReason_AndLeavesWhenAManagerAcknowledgesIt()
    {
        await using var shop = await TillScenario.StartAsync();
        // The shift opens on time; then the till's clock runs two days ahead: HQ rejects its sale (invalid_created_at) and
        // opens a review item.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync(betweenPolls: AdvanceOneSecond(time));
        await till.Api.LogInSeededCashierAsync();
        time.Advance(TimeSpan.FromDays(2));

        var sale = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
        var review = Assert.Single((await shop.Manager.ListReviewsAsync($"tillId={shop.Till.TillId}")).Items);
        // Once the feed has brought HQ's item, the rejected sale still shows once, with its reason.
        var item = Assert.Single(await Eventually.UntilAsync(
            till.Api.AttentionAsync, items => items.Count == 1 && items[0].ReviewId == review.ReviewId, Patience.Exchanges, "HQ's item to reach the till",
            shop.Hq, AdvanceOneSecond(time)));
        Assert.Equal((sale.ClientOrderId, "rejected", SyncReasons.InvalidCreatedAt), (item.DocumentId, item.Status, item.Reason));
        Assert.Equal(1, (await till.Api.StatusAsync()).AttentionCount);

        await shop.Manager.ResolveAsync(review.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Acknowledge, "till clock fixed; sale re-rung", Guid.CreateVersion7()));
        var cleared = await till.Api.WaitStatusAsync(s => s.AttentionCount == 0, "the acknowledgement to clear the list", betweenPolls: AdvanceOneSecond(time));

        Assert.Equal(0, cleared.AttentionCount);
        Assert.Empty(await till.Api.AttentionAsync());
        Assert.Equal("rejected", (await till.Api.ReceiptAsync(sale.ClientOrderId)).SyncState);
    }

    private static Func<Task> AdvanceOneSecond(FakeTimeProvider time) => () =>
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    };
}
