// Proves the till's SQLite file is created in WAL mode with synchronous=FULL on every connection, keeps its data when
// opened again, and refuses a file written by a newer tillsync. Opens real files in temp dirs.
using Microsoft.Data.Sqlite;
using TillSync.Storage;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Storage;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Storage;

public sealed class TillDatabaseTests
{
    [Fact]
    public async Task EnsureSchema_NewFile_IsWalAtSchemaVersion12WithFullSync()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);

        await using var connection = await till.Database.OpenAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(till.DataDir, "till.db"), till.Database.FilePath);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal(12L, await ScalarAsync(connection, "PRAGMA user_version"));
        Assert.Equal(2L, await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM documents"));
    }

    [Fact]
    public async Task EnsureSchema_AgainOnAFileWithSales_KeepsThem()
    {
        await using var till = await LocalTill.CreateAsync();
        var receipt = await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        var reopened = new TillDatabase(till.DataDir);
        await reopened.EnsureSchemaAsync(CancellationToken.None);

        Assert.Equal(1, await new TillSync.Till.Outbox.DocumentOutbox(reopened).CountAsync(CancellationToken.None));
        Assert.Equal(receipt.BillNo, (await new SaleReceipts(reopened).ReceiptAsync(receipt.ClientOrderId, CancellationToken.None))!.BillNo);
    }

    [Fact]
    public async Task EnsureSchema_FileFromANewerTillsync_IsRefusedWithAnUpgradeHint()
    {
        var dataDir = TempDirectory.Create("till-newer");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "till.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await connection.Command("PRAGMA user_version = 13").ExecuteAsync(CancellationToken.None);
            }

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new TillDatabase(dataDir).EnsureSchemaAsync(CancellationToken.None));

            Assert.Contains("schema version 13, newer than this tillsync (12); upgrade tillsync", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            new TillDatabase(dataDir).ClearPool();
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    [Fact]
    public async Task Documents_RejectAStateOutsideTheFourKnown()
    {
        await using var till = await LocalTill.CreateAsync();
        await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.Command("UPDATE documents SET sync_state = 'sent'").ExecuteAsync(CancellationToken.None));

        Assert.Contains("CHECK constraint failed", error.Message, StringComparison.Ordinal);
    }

    private static Task<object?> ScalarAsync(SqliteConnection connection, string sql) => connection.Command(sql).ScalarAsync(CancellationToken.None);
}
