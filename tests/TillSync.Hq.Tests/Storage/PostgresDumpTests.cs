// Proves the PostgreSQL backup docs/operations.md gives: `pg_dump -Fc` of HQ's database while a till syncs into it, then
// `pg_restore` into a new database, yields a consistent HQ (every document once, next_seq after the last, the journal
// balanced) that a new HQ process serves and the till syncs on with. PostgreSQL runs only (TILLSYNC_TEST_STORE=postgres).
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

public sealed class PostgresDumpTests
{
    [Fact]
    public async Task PgDumpAndPgRestore_WhileATillSyncs_RestoreAConsistentHqThatServes()
    {
        if (!TestStore.IsPostgres)
        {
            return; // SQLite's backup is `tillsync hq backup`: tests/TillSync.Till.Tests/Storage/HqBackupRestoreTests.
        }

        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        await till.SyncAsync(till.Orders.NextBatch(20));
        var dump = Path.Combine(TempDirectory.Create("pg-dump"), "hq.dump");

        var dumping = RunAsync("pg_dump", ["-Fc", "-f", dump, .. Connection(hq.Postgres!)]);
        var syncedDuring = 0;
        while (!dumping.IsCompleted)
        {
            await till.SyncAsync(till.Orders.NextBatch(5));
            syncedDuring += 5;
        }

        await dumping;
        var restored = await TestStore.CreatePostgresDatabaseAsync();
        await RunAsync("pg_restore", ["--no-owner", "--exit-on-error", ..Connection(restored), dump]);
        var (nextSeq, documents, orders, postingsSum) = await ShapeAsync(restored, till.TillId);

        Assert.Equal(nextSeq - 1, documents);
        Assert.Equal(documents, orders);
        Assert.InRange(orders, 20, 20 + syncedDuring);
        Assert.Equal(0, postingsSum);
        await using var second = await HqProcess.StartOnPostgresAsync(restored, hq.AdminToken);
        var resumed = new TillClient(second, till.Enrolment);
        resumed.Orders.NextSeq = nextSeq;
        var reply = await resumed.SyncAsync(resumed.Orders.NextBatch(2));
        Assert.Equal(nextSeq + 2, reply.NextSeq);
    }

    private static async Task<(long NextSeq, long Documents, long Orders, long PostingsSum)> ShapeAsync(string connectionString, long tillId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT next_seq FROM tills WHERE till_id = @till),
                   (SELECT COUNT(*) FROM till_documents WHERE till_id = @till),
                   (SELECT COUNT(*) FROM orders WHERE till_id = @till),
                   (SELECT COALESCE(SUM(amount_paise), 0) FROM journal_postings)
            """, connection);
        command.Parameters.AddWithValue("till", tillId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
    }

    // libpq's options for an Npgsql connection string of the test cluster (trust authentication on loopback).
    private static string[] Connection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return ["-h", builder.Host!, "-p", builder.Port.ToString(CultureInfo.InvariantCulture), "-U", builder.Username!, "-d", builder.Database!];
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} exited {process.ExitCode}: {await errors}");
    }
}
