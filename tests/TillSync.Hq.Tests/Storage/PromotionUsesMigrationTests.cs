// Proves migration 0032 starts the report of how each promotion did when it runs and backfills nothing (ADR 0025): a
// database at 0031 holding a promotion and a committed bill that claimed it is migrated on a fixed clock; the promotion's
// report then counts no bill and says it counts from that moment. On the store the suite runs against (a real database).
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Pricing;
using TillSync.Hq.Accounting;
using TillSync.Hq.Promotions;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Storage;

public sealed class PromotionUsesMigrationTests : IAsyncLifetime
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
            _directory = TempDirectory.Create("promotion-uses");
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
    public async Task Migration0032_BackfillsNothing_AndTheReportCountsFromIt()
    {
        var upgradedAt = new DateTimeOffset(2026, 12, 5, 4, 30, 0, TimeSpan.Zero);
        var migrator = new Migrator(_database!, new FakeTimeProvider(upgradedAt), NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(31, CancellationToken.None);
        await using (var connection = await _database!.OpenAsync(CancellationToken.None))
        {
            // A bill of 1 December that claimed promotion 5 (₹100 off ₹1,000), as HQ stored it before the migration: in its body.
            await connection.Command("""
                INSERT INTO stores (store_id, is_default, gstin, legal_name, address1, location, pin, state_code, created_at, updated_at)
                VALUES (1, 1, '29AABCH1234K1ZN', 'Shop', '1 Road', 'Bengaluru', 560001, '29', '2026-11-01T00:00:00.0000000Z', '2026-11-01T00:00:00.0000000Z');
                INSERT INTO tills (till_id, store_id, name, bill_prefix, token_hash, next_seq, created_at)
                VALUES (7, 1, 'Counter 1', 'T01', 'hash', 2, '2026-11-01T00:00:00.0000000Z');
                INSERT INTO promotions (promotion_id, name, kind, store_id, valid_from, valid_to, skus, threshold_paise, off_paise, created_version, created_at)
                VALUES (5, '₹100 off ₹1,000', 'bill_value', NULL, '2026-11-30T18:30:00.0000000Z', '2026-12-07T18:30:00.0000000Z', '', 100000, 10000, 1,
                        '2026-11-30T12:00:00.0000000Z');
                INSERT INTO orders (client_order_id, store_id, till_id, till_seq, bill_no, status, reason, detail, flags, fingerprint, created_at,
                    committed_at, taxable_paise, cgst_paise, sgst_paise, igst_paise, round_off_paise, total_paise, body_json)
                VALUES ('0196e3f4-0516-7273-b485-96a7b8c9d0e1', 1, 7, 1, 'T01/2627/000001', 'committed', NULL, NULL, '', 'aa',
                        '2026-12-01T04:00:00.0000000Z', '2026-12-01T04:00:01.0000000Z', 120000, 0, 0, 0, 0, 120000,
                        '{"billPromotion":{"promotionId":5,"amountPaise":10000}}');
                """).ExecuteAsync(CancellationToken.None);
        }

        await migrator.MigrateAsync(CancellationToken.None);

        await using var read = await _database!.OpenAsync(CancellationToken.None);
        var promotion = (await PromotionRows.FindAsync(read, null, 5, CancellationToken.None))!.Promotion;
        var report = await PromotionReports.ReadAsync(read, promotion, new LedgerPeriod(null, null, null), CancellationToken.None);
        Assert.Equal(upgradedAt, report.CountedSince);
        Assert.Equal(new PromotionFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), report.Total);
        Assert.Equal((0, 0), (report.Stores.Count, report.Days.Count));
    }
}
