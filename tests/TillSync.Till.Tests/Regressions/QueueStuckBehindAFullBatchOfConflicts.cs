// Regression: conflicts stay in the queue and are resent oldest first, so a till that made 500 or more conflicting
// sales (restored from an old backup, then offline) sent only them forever and no later sale reached HQ again.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Regressions;

public sealed class QueueStuckBehindAFullBatchOfConflicts
{
    private const int Conflicting = Limits.SyncOrdersMax + 1;

    [Fact]
    public async Task Sync_MoreConflictsThanABatch_StillDeliversTheSalesBehindThem()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backup = TempDirectory.Create("till-backup");
        var sale = Carts.PaidInCash([new CartLine("MILK-500ML", 1)]);
        try
        {
            await using (var till = await shop.StartInProcessTillAsync(time))
            {
                await till.Api.WaitOnlineAsync();
                await till.Api.SellAsync(sale);
                await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
            }

            DatabaseFiles.Copy(shop.InProcessDataDir, backup, "till.db");
            await using (var till = await shop.StartInProcessTillAsync(time))
            {
                for (var i = 0; i < Conflicting; i++)
                {
                    await till.Api.SellAsync(sale);
                }

                await till.Api.WaitDrainedAsync(TimeSpan.FromSeconds(60), AdvanceOneSecond(time));
            }

            // Restored to the backup taken after sale 1 and offline: every sale reuses a number HQ holds.
            DatabaseFiles.Copy(backup, shop.InProcessDataDir, "till.db");
            shop.Link.SetMode(LinkMode.Refuse);
            await using var restored = await shop.StartInProcessTillAsync(time);
            for (var i = 0; i < Conflicting; i++)
            {
                await restored.Api.SellAsync(sale);
            }

            shop.Link.SetMode(LinkMode.Pass);
            await restored.Api.SyncNowAsync();
            await restored.Api.WaitStatusAsync(s => s.AttentionCount >= Limits.SyncOrdersMax, "the conflicts to show", TimeSpan.FromSeconds(60), AdvanceOneSecond(time));
            var next = await restored.Api.SellAsync(sale);
            Assert.Equal(Conflicting + 3, next.TillSeq); // after the shift open, sale 1 and the conflicting sales

            // Several heartbeat intervals pass; the sale made after the link returned must reach HQ.
            await Eventually.UntilAsync(
                async () => (await shop.Manager.FindOrderAsync(next.ClientOrderId))?.Status, s => s == "committed", Patience.Exchanges,
                $"sale {next.TillSeq}, queued behind {Conflicting} conflicts, to reach HQ", shop.Hq, () =>
                {
                    time.Advance(SyncAgent.HeartbeatInterval / 5);
                    return Task.CompletedTask;
                });
            Assert.All(await restored.Api.AttentionAsync(), a => Assert.Equal(SyncReasons.SeqReused, a.Reason));
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
