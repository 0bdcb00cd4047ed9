// Proves the upgrade story of docs/deploy.md: a till of the previous release (built in the test from git history) keeps
// syncing with this HQ, and this HQ refuses to start on a database newer than itself, saying so, and changes nothing.
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using TillSync.Testing;

namespace TillSync.Release.Tests;

[Collection(ReleaseSuite.Name)]
public sealed class UpgradeTests(ReleaseBuild release)
{
    [Fact]
    public async Task TillOfThePreviousRelease_SellsAndSyncsWithThisHq()
    {
        await using var hq = await HqProcess.StartAsync(executable: release.CleanLinuxExecutable());

        var (receipt, order, oldTillStatus) = await Sales.SellThroughTillAsync(hq, TillSyncExecutable.DllIn(release.PreviousReleaseDirectory));

        Assert.Null(oldTillStatus.Version); // the previous release's status answer predates the field: it really is the old till
        Assert.Equal("committed", order.Status);
        Assert.Equal(receipt.BillNo, order.Order.BillNo);
    }

    [Fact]
    public async Task Hq_OnADatabaseNewerThanItself_RefusesToStartAndLeavesItAlone()
    {
        var data = release.Scratch("hq-newer");
        var database = Path.Combine(data, "hq.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
                INSERT INTO schema_migrations VALUES (9999, '9999_from_a_later_release', '2030-01-01T00:00:00Z');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var environment = release.CleanLinuxExecutable().CleanEnvironment;
        var start = await Commands.RunAsync(release.LinuxExecutable,
            ["hq", "--urls", "http://127.0.0.1:0", "--data", data, "--admin-token", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))], TimeSpan.FromMinutes(1),
            environment: environment, clean: true);

        Assert.NotEqual(0, start.ExitCode);
        Assert.Contains("has schema version 9999, newer than this tillsync", start.Output + start.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", start.Output, StringComparison.Ordinal);
        await using var check = new SqliteConnection($"Data Source={database};Pooling=false");
        await check.OpenAsync();
        await using var tables = check.CreateCommand();
        tables.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal("schema_migrations", await tables.ExecuteScalarAsync()); // no migration ran
    }
}
