// Proves `tillsync till backup` copies a running till's store, unsynced sales included, and that `tillsync till restore`
// onto a till whose till.db was lost brings those sales back to be sent: HQ ends with every sale once. Real processes.
using TillSync.Testing;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Storage;

public sealed class TillBackupRestoreTests
{
    [Fact]
    public async Task Restore_AfterTheDatabaseIsLost_TheQueuedSalesInTheBackupReachHqOnce()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        var receipts = await Carts.SellSugarAsync(till.Api, 2);
        await till.Api.WaitDrainedAsync();
        shop.Link.SetMode(LinkMode.Refuse);
        receipts.AddRange(await Carts.SellSugarAsync(till.Api, 3));
        var backup = Path.Combine(TempDirectory.Create("till-backup"), "till-backup.db");

        var (exit, output) = await CliProcess.RunAsync("till", "backup", "--data", till.DataDir, "--out", backup);
        Assert.True(exit == 0, output);
        till.KillHard();
        foreach (var file in Directory.GetFiles(till.DataDir, "till.db*"))
        {
            File.Delete(file);
        }

        var restored = await CliProcess.RunAsync("till", "restore", "--data", till.DataDir, "--from", backup);
        Assert.True(restored.Exit == 0, restored.Output);
        shop.Link.SetMode(LinkMode.Pass);
        await till.RestartAsync();
        await till.Api.WaitDrainedAsync();

        var orders = await shop.HqOrdersAsync();
        Assert.Equal(receipts.Select(r => (r.TillSeq, r.ClientOrderId, r.BillNo)), orders.Select(o => (o.TillSeq, o.ClientOrderId, o.Order.BillNo)));
    }

    [Fact]
    public async Task Backup_OntoAnExistingFileOrFromNoDatabase_IsRefusedAndWritesNothing()
    {
        var directory = TempDirectory.Create("till-backup-refusals");
        var existing = Path.Combine(directory, "existing.db");
        await File.WriteAllTextAsync(existing, "keep me");

        var (onExisting, existingOutput) = await CliProcess.RunAsync("till", "backup", "--data", directory, "--out", existing);
        var (fromNothing, nothingOutput) = await CliProcess.RunAsync("till", "backup", "--data", directory, "--out", Path.Combine(directory, "new.db"));
        var (restoreJunk, junkOutput) = await CliProcess.RunAsync("till", "restore", "--data", directory, "--from", existing);

        Assert.Equal(1, onExisting);
        Assert.Contains("exists already", existingOutput, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
        Assert.Equal(1, fromNothing);
        Assert.Contains("no database", nothingOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "new.db")));
        Assert.Equal(1, restoreJunk);
        Assert.Contains("Nothing was changed", junkOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "till.db")));
    }
}
