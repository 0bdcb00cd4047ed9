// Proves kill -9 of the till during a sync loses nothing and bills nothing twice: ~300 sales made offline, then HQ comes
// back and the till process is SIGKILLed at seeded random moments while it drains, restarted each time, until empty.
using TillSync.Till.Receipts;
using TillSync.Till.Tests.Harness;
using Xunit.Abstractions;

namespace TillSync.Till.Tests.Sync;

public sealed class SyncCrashTests(ITestOutputHelper log)
{
    private const int OfflineSales = 300;
    private const int KillRounds = 8;
    private const int SalesPerRound = 15;

    [Fact]
    public async Task Drain_TillKilledAtRandomMomentsWhileSyncing_HqHasEverySaleOnceInTillSeqOrder()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        var stockBefore = await shop.Manager.OnHandAllAsync();
        var seed = Environment.GetEnvironmentVariable("TILLSYNC_SEED") is { Length: > 0 } replay ? int.Parse(replay, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        var random = new Random(seed);
        var carts = new Carts(seed);
        log.WriteLine($"seed {seed} (TILLSYNC_SEED={seed} replays the choices)");

        shop.Hq.KillHard();
        var receipts = new List<Receipt>();
        for (var i = 0; i < OfflineSales; i++)
        {
            receipts.Add(await till.Api.SellAsync(carts.Next()));
        }

        await shop.StartHqAgainAsync();
        for (var round = 1; round <= KillRounds; round++)
        {
            // The restart syncs at once; a few more sales keep the queue moving so later kills land mid-sync too.
            await till.RestartAsync();
            var killAfter = TimeSpan.FromMilliseconds(random.Next(0, 700));
            var sellUntil = DateTime.UtcNow + killAfter;
            var sold = 0;
            while (sold < SalesPerRound && DateTime.UtcNow < sellUntil)
            {
                receipts.Add(await till.Api.SellAsync(carts.Next()));
                sold++;
            }

            if (DateTime.UtcNow < sellUntil)
            {
                await Task.Delay(sellUntil - DateTime.UtcNow);
            }

            till.KillHard();
            var orders = await shop.HqOrdersAsync();
            log.WriteLine($"round {round}: killed {killAfter.TotalMilliseconds} ms after start, {sold} sold; HQ holds {orders.Count} of {receipts.Count}");
        }

        await till.RestartAsync();
        await till.Api.WaitDrainedAsync(TimeSpan.FromSeconds(60));

        var atHq = await shop.HqOrdersAsync();
        Assert.Equal(
            receipts.Select(r => (r.TillSeq, r.ClientOrderId, r.BillNo)),
            atHq.Select(o => (o.TillSeq, o.ClientOrderId, o.Order.BillNo)));
        Assert.Equal(Enumerable.Range(2, receipts.Count).Select(n => (long)n), atHq.Select(o => o.TillSeq)); // after the shift's open at 1
        Assert.All(atHq, o => Assert.Equal("committed", o.Status));
        Assert.All(await till.Api.AllSalesAsync(), s => Assert.Equal("synced", s.SyncState));
        Sold.AssertStockMovedOnce(stockBefore, await shop.Manager.OnHandAllAsync(), receipts);
    }
}
