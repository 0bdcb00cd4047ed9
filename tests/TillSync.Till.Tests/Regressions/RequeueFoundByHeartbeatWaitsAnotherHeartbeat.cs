// Regression: when a heartbeat's reply showed HQ had lost synced sales (restored from a backup), the outbox requeued
// them but the agent waited a whole heartbeat interval before resending. In-process till on a fake clock, real HQ.
using Microsoft.Extensions.Time.Testing;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Regressions;

public sealed class RequeueFoundByHeartbeatWaitsAnotherHeartbeat
{
    [Fact]
    public async Task Heartbeat_RevealingLostSales_ResendsThemWithoutWaitingForTheNextHeartbeat()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backup = TempDirectory.Create("hq-backup");
        try
        {
            await using var till = await shop.StartInProcessTillAsync(time);
            await till.Api.WaitOnlineAsync();
            await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
            await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
            shop.Hq.KillHard();
            DatabaseFiles.Copy(shop.Hq.DataDir, backup, "hq.db");
            await shop.StartHqAgainAsync();
            await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 2)]));
            await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 3)]));
            await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
            shop.Hq.KillHard();
            DatabaseFiles.Copy(backup, shop.Hq.DataDir, "hq.db");
            await shop.StartHqAgainAsync();

            // One heartbeat interval passes on the till's clock, and then no more time at all.
            time.Advance(SyncAgent.HeartbeatInterval);

            // Observed: (orders at HQ, sales queued on the till); (1, 2) means requeued but not resent.
            await Eventually.UntilAsync(
                async () => ((await shop.HqOrdersAsync()).Count, (await till.Api.StatusAsync()).QueueDepth), o => o == (3, 0), Patience.Exchanges,
                "sales 2 and 3 to be resent right after the heartbeat that requeued them", shop.Hq);
        }
        finally
        {
            await TempDirectory.DeleteAsync(backup);
        }
    }

    private static Func<Task> AdvanceOneSecond(FakeTimeProvider time) => () =>
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    };
}
