// Proves `tillsync hq backup` takes a consistent copy while HQ serves a selling till, and that after `tillsync hq restore`
// of that older copy the till resends what HQ lost: every sale at HQ once, none missing, stock moved once per sale, the
// journal balanced with one entry per sale. Real HQ, till and CLI processes on SQLite.
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Storage;

public sealed class HqBackupRestoreTests
{
    [Fact]
    public async Task Restore_BackupTakenUnderLoad_TillResendsWhatHqLostNothingLostNothingDoubled()
    {
        if (TestStore.IsPostgres)
        {
            return; // HQ on PostgreSQL is backed up with pg_dump: PostgresDumpTests.
        }

        await using var shop = await TillScenario.StartAsync();
        var stockBefore = await shop.Manager.OnHandAllAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        var backup = Path.Combine(TempDirectory.Create("hq-backup"), "hq-backup.db");
        var receipts = new List<Receipt>(await Carts.SellSugarAsync(till.Api, 5));

        // The backup runs while the till sells and syncs: the selling goes on until the backup has finished.
        var backingUp = CliProcess.RunAsync("hq", "backup", "--data", shop.Hq.DataDir, "--out", backup);
        while (!backingUp.IsCompleted || receipts.Count < 8)
        {
            receipts.AddRange(await Carts.SellSugarAsync(till.Api, 1));
        }

        var (exit, output) = await backingUp;
        Assert.True(exit == 0, output);
        receipts.AddRange(await Carts.SellSugarAsync(till.Api, 5));
        await till.Api.WaitDrainedAsync();
        Assert.Equal(receipts.Count, (await shop.HqOrdersAsync()).Count);

        shop.Hq.KillHard();
        var restored = await CliProcess.RunAsync("hq", "restore", "--data", shop.Hq.DataDir, "--from", backup);
        Assert.True(restored.Exit == 0, restored.Output);
        await shop.StartHqAgainAsync();
        var lost = receipts.Count - (await shop.HqOrdersAsync()).Count;
        Assert.True(lost > 0, "the backup should predate the last five sales");

        var orders = await Eventually.UntilAsync(shop.HqOrdersAsync, o => o.Count >= receipts.Count, Patience.Exchanges,
            "HQ to hold every sale again", shop.Hq, till.Api.SyncNowAsync);
        await till.Api.WaitDrainedAsync();

        Assert.Equal(receipts.Select(r => (r.TillSeq, r.ClientOrderId, r.BillNo)), orders.Select(o => (o.TillSeq, o.ClientOrderId, o.Order.BillNo)));
        Assert.All(orders, o => Assert.Equal("committed", o.Status));
        Sold.AssertStockMovedOnce(stockBefore, await shop.Manager.OnHandAllAsync(), receipts);
        var ledger = new LedgerClient(shop.Hq);
        var trial = await ledger.TrialBalanceAsync();
        Assert.Equal(trial.TotalDebitPaise, trial.TotalCreditPaise);
        var saleEntries = (await ledger.JournalAsync()).Where(e => e.Kind == "sale").Select(e => e.Ref).ToList();
        Assert.Equal(receipts.Count, saleEntries.Count);
        Assert.Equal(saleEntries.Count, saleEntries.Distinct().Count());
    }
}
