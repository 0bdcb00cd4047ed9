// Proves a till cut off from HQ for three days keeps selling and, when the link returns, drains all 2,000 sales in
// commit order. Runs the till in-process on a FakeTimeProvider that starts three days back; the link is black-holed.
using Microsoft.Extensions.Time.Testing;
using TillSync.Till.Receipts;
using TillSync.Testing;
using TillSync.Till.Tests.Harness;
using Xunit.Abstractions;

namespace TillSync.Till.Tests.Sync;

public sealed class OfflineDrainTests(ITestOutputHelper log)
{
    private const int OfflineSales = 2_000;
    private static readonly TimeSpan Outage = TimeSpan.FromDays(3);

    [Fact]
    public async Task Drain_AfterThreeDaysOffline_Sends2000SalesInCommitOrder()
    {
        await using var shop = await TillScenario.StartAsync();
        // HQ refuses sales dated more than a day ahead of its clock: the till's clock ends just before real now.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow - Outage);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        // The shift opens and reaches HQ before the outage: the queue is the offline sales alone.
        await till.Api.LogInSeededCashierAsync();
        await till.Api.WaitDrainedAsync();
        var carts = new Carts(Random.Shared.Next());
        log.WriteLine($"seed {carts.Seed}");

        shop.Link.SetMode(LinkMode.Blackhole);
        var step = (Outage - TimeSpan.FromMinutes(10)) / OfflineSales;
        var receipts = new List<Receipt>(OfflineSales);
        for (var i = 0; i < OfflineSales; i++)
        {
            receipts.Add(await till.Api.SellAsync(carts.Next()));
            time.Advance(step);
        }

        var offline = await till.Api.StatusAsync();
        Assert.Equal((OfflineSales, receipts[0].CreatedAt), (offline.QueueDepth, offline.OldestUnsyncedAt));
        Assert.Empty(await shop.HqOrdersAsync());
        Assert.True(receipts[^1].CreatedAt - receipts[0].CreatedAt > Outage - TimeSpan.FromHours(1));

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        // The agent's backoff and heartbeat waits run on the fake clock: move it on while waiting for the drain.
        await till.Api.WaitDrainedAsync(TimeSpan.FromSeconds(90), () =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });

        var orders = await shop.HqOrdersAsync();
        Assert.Equal(OfflineSales, orders.Count);
        Assert.Equal(Enumerable.Range(2, OfflineSales).Select(n => (long)n), orders.Select(o => o.TillSeq)); // after the shift's open at 1
        Assert.Equal(receipts.Select(r => (r.ClientOrderId, r.BillNo, r.CreatedAt)), orders.Select(o => (o.ClientOrderId, o.Order.BillNo, o.Order.CreatedAt)));
        Assert.All(orders, o => Assert.Equal("committed", o.Status));
        Assert.True(orders.Zip(orders.Skip(1)).All(p => p.First.HqSeq < p.Second.HqSeq), "HQ's commit order is not tillSeq order");
        Assert.Equal(0, (await till.Api.StatusAsync()).AttentionCount);
    }
}
