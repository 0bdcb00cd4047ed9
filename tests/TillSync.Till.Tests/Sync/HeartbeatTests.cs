// Proves an idle, online till tells HQ it is alive every heartbeat interval and reports its queue with every contact,
// so HQ's fleet view shows the queue depth and the oldest unsynced sale. In-process till on a fake clock, real HQ.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Tills;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task Heartbeat_AfterOfflineSalesDrain_ReportsTheQueueThenItsEmptiness()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        // The shift opens and reaches HQ while the link is up: the queue below is the offline sales alone.
        await till.Api.LogInSeededCashierAsync();
        await till.Api.WaitDrainedAsync();
        // The first contact already reported an empty queue.
        var first = await WaitForHqViewAsync(shop, time, t => t.QueueDepth == 0, "HQ to hear of an empty queue");
        Assert.Null(first.OldestUnsyncedAt);

        shop.Link.SetMode(LinkMode.Refuse);
        var receipts = new List<Receipt>();
        for (var i = 0; i < 3; i++)
        {
            receipts.Add(await till.Api.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", i + 1)])));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var offline = await till.Api.WaitStatusAsync(s => !s.Online, "the till to notice that HQ is unreachable");
        Assert.Equal((3, receipts[0].CreatedAt), (offline.QueueDepth, offline.OldestUnsyncedAt));
        Assert.NotNull(offline.OfflineSince);

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        // The sync carried the queue as it stood when sent.
        var reported = await shop.Manager.GetTillAsync(shop.Till.TillId);
        Assert.Equal((3, receipts[0].CreatedAt, 5L), (reported.QueueDepth, reported.OldestUnsyncedAt, reported.NextSeq)); // the shift's open and 3 sales

        // Within a heartbeat interval HQ hears that the queue is empty.
        var lastSyncAt = reported.LastSyncAt;
        var after = await WaitForHqViewAsync(shop, time, t => t.QueueDepth == 0, "the heartbeat to report an empty queue");
        Assert.Null(after.OldestUnsyncedAt);
        Assert.True(after.LastSyncAt > lastSyncAt, $"last sync {after.LastSyncAt} should be after {lastSyncAt}");
        var online = await till.Api.StatusAsync();
        Assert.True(online.Online);
        Assert.Null(online.OfflineSince);
    }

    [Fact]
    public async Task Heartbeat_IdleOnlineTill_ContactsHqEveryInterval()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var till = await shop.StartInProcessTillAsync(time);
        await till.Api.WaitOnlineAsync();
        // A heartbeat round ends with the poll of HQ's updates: the clock moves on only once the agent is waiting again.
        var contacts = await RoundsAsync(shop, time, 0, "the first contact");

        var beatAt = time.GetUtcNow();
        for (var beat = 1; beat <= 3; beat++)
        {
            time.Advance(SyncAgent.HeartbeatInterval);
            beatAt = time.GetUtcNow();
            await RoundsAsync(shop, time, contacts + beat, $"heartbeat {beat}");
        }

        var status = await till.Api.WaitStatusAsync(s => s.LastSyncAt >= beatAt, "the third heartbeat's answer");
        Assert.Equal("up to date", status.LastSyncOutcome);
    }

    // Waits for at least atLeast syncs, each followed by its poll. The poll reaches the proxy a moment before the agent
    // arms its next timer, and a clock advanced in that moment is missed: the new timer counts its interval from the
    // advanced time. So while the heartbeat's sync has not come, the clock is nudged a second per poll, which lets such a
    // late timer expire (a timer armed in time has already fired at its interval).
    private static async Task<int> RoundsAsync(TillScenario shop, FakeTimeProvider time, int atLeast, string what)
    {
        int Syncs() => shop.Link.Exchanges.Count(e => FaultProxy.IsSync(e.Path));
        var (syncs, _) = await Eventually.UntilAsync(
            () => Task.FromResult((Syncs: Syncs(),
                Polls: shop.Link.Exchanges.Count(e => e.Path.StartsWith("/api/v1/till/updates", StringComparison.Ordinal)))),
            n => n.Syncs >= atLeast && n.Polls >= n.Syncs, Patience.Exchanges, what, shop.Hq, () =>
            {
                if (Syncs() < atLeast)
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                }

                return Task.CompletedTask;
            });
        return syncs;
    }

    private static Task<TillView> WaitForHqViewAsync(TillScenario shop, FakeTimeProvider time, Func<TillView, bool> done, string what) =>
        Eventually.UntilAsync(() => shop.Manager.GetTillAsync(shop.Till.TillId), done, Patience.Exchanges, what, shop.Hq, () =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });
}
