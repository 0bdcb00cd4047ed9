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

namespace TillSync.Hq.Tests.Storage;

public sealed class PromotionUsesMigrationTests
{
    [Fact]
    public async Task Migration0032_BackfillsNothing_AndTheReportCountsFromIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 4, 30, 0, TimeSpan.Zero));
        await using var store = await OneTillDatabase.CreateAsync("promotion-uses", clock, versionMax: PromotionReports.FirstSchemaVersion - 1);
        await using (var connection = await store.Database.OpenAsync(CancellationToken.None))
        {
            // A bill of 1 December that claimed promotion 5 (₹100 off ₹1,000), as HQ stored it before the migration: in its body.
            await connection.Command("""
                INSERT INTO promotions (promotion_id, name, kind, store_id, valid_from, valid_to, skus, threshold_paise, off_paise, created_version, created_at)
                VALUES (5, '₹100 off ₹1,000', 'bill_value', NULL, '2026-11-30T18:30:00.0000000Z', '2026-12-07T18:30:00.0000000Z', '', 100000, 10000, 1,
                        '2026-11-30T12:00:00.0000000Z');
                INSERT INTO orders (client_order_id, store_id, till_id, till_seq, bill_no, status, reason, detail, flags, fingerprint, created_at,
                    committed_at, taxable_paise, cgst_paise, sgst_paise, igst_paise, round_off_paise, total_paise, body_json)
                VALUES ('0196e3f4-0516-7273-b485-96a7b8c9d0e1', 1, 1, 1, 'T01/2627/000001', 'committed', NULL, NULL, '', 'aa',
                        '2026-12-01T04:00:00.0000000Z', '2026-12-01T04:00:01.0000000Z', 120000, 0, 0, 0, 0, 120000,
                        '{"billPromotion":{"promotionId":5,"amountPaise":10000}}');
                """).ExecuteAsync(CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromHours(1));
        await new Migrator(store.Database, clock, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var read = await store.Database.OpenAsync(CancellationToken.None);
        var promotion = (await PromotionRows.FindAsync(read, null, 5, CancellationToken.None))!.Promotion;
        var report = await PromotionReports.ReadAsync(read, promotion, new LedgerPeriod(null, null, null), CancellationToken.None);
        Assert.Equal(clock.GetUtcNow(), report.CountedSince);
        Assert.Equal(new PromotionFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), report.Total);
        Assert.Equal((0, 0), (report.Stores.Count, report.Days.Count));
    }
}
