// Proves the till resends sales that HQ lost when HQ was restored from an older backup: HQ's nextSeq falls below sales
// the till thinks synced, the outbox requeues them, and HQ ends with every sale once. Real HQ files, in-process till.
using Microsoft.Extensions.Time.Testing;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Outbox;

public sealed class HqRestoreTests
{
    [Fact]
    public async Task Sync_HqRestoredFromABackupAfterSale5_TillResends6To10AndHqHoldsAllTenOnce()
    {
        await using var shop = await TillScenario.StartAsync();
        var stockBefore = await shop.Manager.OnHandAllAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var backup = TempDirectory.Create("hq-backup");
        try
        {
            await using var till = await shop.StartInProcessTillAsync(time);
            await till.Api.WaitOnlineAsync();
            var receipts = await SellAndDrainAsync(till, time, 5);

            shop.Hq.KillHard();
            DatabaseFiles.Copy(shop.Hq.DataDir, backup, "hq.db");
            await shop.StartHqAgainAsync();
            receipts.AddRange(await SellAndDrainAsync(till, time, 5));
            Assert.Equal(10, (await shop.HqOrdersAsync()).Count);

            shop.Hq.KillHard();
            DatabaseFiles.Copy(backup, shop.Hq.DataDir, "hq.db");
            await shop.StartHqAgainAsync();
            Assert.Equal(7, (await shop.Manager.GetTillAsync(shop.Till.TillId)).NextSeq); // the shift's open and sales 1 to 5

            // The till learns HQ's nextSeq at its next contact (a heartbeat) and sends 6…10 again with their ids.
            var orders = await Eventually.UntilAsync(shop.HqOrdersAsync, o => o.Count >= 10, TimeSpan.FromSeconds(60),
                "HQ to hold ten sales again", shop.Hq, () =>
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                    return Task.CompletedTask;
                });

            Assert.Equal(receipts.Select(r => (r.TillSeq, r.ClientOrderId, r.BillNo)), orders.Select(o => (o.TillSeq, o.ClientOrderId, o.Order.BillNo)));
            Assert.All(orders, o => Assert.Equal("committed", o.Status));
            await till.Api.WaitDrainedAsync();
            Assert.All(await till.Api.AllSalesAsync(), s => Assert.Equal("synced", s.SyncState));
            Sold.AssertStockMovedOnce(stockBefore, await shop.Manager.OnHandAllAsync(), receipts);
        }
        finally
        {
            await TempDirectory.DeleteAsync(backup);
        }
    }

    private static async Task<List<Receipt>> SellAndDrainAsync(InProcessTill till, FakeTimeProvider time, int count)
    {
        var receipts = new List<Receipt>();
        for (var i = 0; i < count; i++)
        {
            receipts.Add(await till.Api.SellAsync(Carts.PaidInCash([new CartLine("SUGAR-LOOSE", 0.5m + i)])));
        }

        await till.Api.WaitDrainedAsync(betweenPolls: () =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });
        return receipts;
    }
}
