// Proves migration 0008 copies every order recorded before it into the ledger of till documents, as a sale with the
// same id, till, sequence number, fingerprint and result, on the store the suite runs against (a real database).
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

public sealed class LedgerMigrationTests : IAsyncLifetime
{
    private string? _directory;
    private string? _postgres;
    private HqDatabase? _database;

    public async Task InitializeAsync()
    {
        if (TestStore.IsPostgres)
        {
            _postgres = await TestStore.CreatePostgresDatabaseAsync();
            _database = HqDatabase.Postgres(_postgres);
        }
        else
        {
            _directory = TempDirectory.Create("ledger");
            _database = HqDatabase.Sqlite(_directory);
        }
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        if (_postgres is not null)
        {
            await TestStore.DropPostgresDatabaseAsync(_postgres);
        }

        if (_directory is not null)
        {
            await TempDirectory.DeleteAsync(_directory);
        }
    }

    [Fact]
    public async Task Migration0008_OrdersRecordedBefore_AreInTheLedgerAsSales()
    {
        var migrator = new Migrator(_database!, TimeProvider.System, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(7, CancellationToken.None);
        await using (var connection = await _database!.OpenAsync(CancellationToken.None))
        {
            await connection.Command("""
                INSERT INTO stores (store_id, is_default, gstin, legal_name, address1, location, pin, state_code, created_at, updated_at)
                VALUES (1, 1, '29AABCH1234K1ZN', 'Shop', '1 Road', 'Bengaluru', 560001, '29', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
                INSERT INTO tills (till_id, store_id, name, bill_prefix, token_hash, next_seq, created_at)
                VALUES (7, 1, 'Counter 1', 'T01', 'hash', 3, '2026-01-01T00:00:00.0000000Z');
                INSERT INTO orders (client_order_id, store_id, till_id, till_seq, bill_no, status, reason, detail, flags, fingerprint, created_at,
                    committed_at, taxable_paise, cgst_paise, sgst_paise, igst_paise, round_off_paise, total_paise, body_json)
                VALUES ('0196e3f4-0516-7273-b485-96a7b8c9d0e1', 1, 7, 1, 'T01/2627/000001', 'committed', NULL, NULL, 'stock_short', 'aa',
                        '2026-06-01T04:00:00.0000000Z', '2026-06-01T04:00:01.0000000Z', 100, 0, 0, 0, 0, 100, '{}'),
                       ('0196e3f4-0516-7273-b485-96a7b8c9d0e2', 1, 7, 2, 'T01/2627/000002', 'rejected', 'unknown_sku', 'line 1: SKU X', '', 'bb',
                        '2026-06-01T04:01:00.0000000Z', '2026-06-01T04:01:01.0000000Z', 100, 0, 0, 0, 0, 100, '{}');
                """).ExecuteAsync(CancellationToken.None);
        }

        await migrator.MigrateAsync(CancellationToken.None);

        await using var read = await _database!.OpenAsync(CancellationToken.None);
        var ledger = await read.Command("""
            SELECT document_id, kind, till_id, till_seq, store_id, fingerprint, status, number, committed_at, flags, reason, detail
            FROM till_documents ORDER BY till_seq
            """).ListAsync(r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5), r.GetString(6),
                r.GetString(7), r.GetString(8), r.GetString(9), r.NullableString(10), r.NullableString(11)), CancellationToken.None);
        Assert.Equal(
        [
            ("0196e3f4-0516-7273-b485-96a7b8c9d0e1", "sale", 7L, 1L, 1L, "aa", "committed", "T01/2627/000001", "2026-06-01T04:00:01.0000000Z", "stock_short",
                (string?)null, (string?)null),
            ("0196e3f4-0516-7273-b485-96a7b8c9d0e2", "sale", 7L, 2L, 1L, "bb", "rejected", "T01/2627/000002", "2026-06-01T04:01:01.0000000Z", "",
                "unknown_sku", "line 1: SKU X"),
        ], ledger);
    }
}
