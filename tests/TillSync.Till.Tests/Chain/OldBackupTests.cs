// Proves HQ's signed statement names a till restored from an old backup: a till syncs, is backed up, syncs two more
// documents, and is put back to the backup; on its next sync against a real HQ its status (and log) says HQ holds more.
using Microsoft.Extensions.Time.Testing;
using TillSync.Core.Chain;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Chain;

public sealed class OldBackupTests
{
    [Fact]
    public async Task Sync_TillRestoredFromAnOldBackup_SaysItIsBehindWhatHqAcknowledged()
    {
        await using var shop = await TillScenario.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backup = TempDirectory.Create("till-old-backup");
        var sale = Carts.PaidInCash([new CartLine("MILK-500ML", 1)]);
        try
        {
            await using (var till = await shop.StartInProcessTillAsync(time))
            {
                await till.Api.WaitOnlineAsync();
                await till.Api.SellAsync(sale);
                var drained = await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
                Assert.Null(drained.Chain);
            }

            DatabaseFiles.Copy(shop.InProcessDataDir, backup, "till.db");
            await using (var till = await shop.StartInProcessTillAsync(time))
            {
                await till.Api.SellAsync(sale);
                await till.Api.SellAsync(sale);
                await till.Api.WaitDrainedAsync(betweenPolls: AdvanceOneSecond(time));
            }

            DatabaseFiles.Copy(backup, shop.InProcessDataDir, "till.db");
            await using var restored = await shop.StartInProcessTillAsync(time);
            var status = await restored.Api.WaitStatusAsync(s => s.Chain is not null, "the till to name its old backup", betweenPolls: AdvanceOneSecond(time));

            var head = await new ChainReports(shop.Hq).OfAsync(shop.Till.TillId);
            Assert.Equal((true, 4L), (head.Holds, head.HeadSeq)); // the shift's open, then three sales
            Assert.Equal($"till database is behind what HQ acknowledged: HQ holds seq 4 hash {ChainWalk.Abbreviated(head.HeadHash)}, this till has seq 2",
                status.Chain);
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
