// Proves the report of how a promotion did reads a range of promotion_days' primary key (migration 0032), not every row, on
// the store the suite runs against: the report's own query over a real migrated database holding a month of days for a
// hundred promotions, planned by the engine itself (SQLite's EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN after ANALYZE).
using System.Globalization;
using TillSync.Hq.Accounting;
using TillSync.Hq.Promotions;
using TillSync.Hq.Storage;
using TillSync.Hq.Tests.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Tests.Promotions;

public sealed class PromotionReportIndexTests
{
    private const int Promotions = 100;
    private const int Days = 30;

    [Theory]
    [InlineData(null, null)]
    [InlineData("2026-12-05", "2026-12-11")]
    public async Task Report_IsPlannedOnThePrimaryKey_NotAScanOfEveryDay(string? from, string? to)
    {
        await using var store = await OneTillDatabase.CreateAsync("promotion-report-plan", TimeProvider.System);
        await AddDaysAsync(store.Database);
        var (period, problem) = LedgerPeriod.Parse(from, to, null);
        Assert.True(period is not null, problem);

        await using var connection = await store.Database.OpenAsync(CancellationToken.None);
        var (sql, parameters) = PromotionReports.DaysQuery(42, period);
        var explain = store.Database.Engine.Kind == StoreEngine.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ";
        var plan = string.Join('\n', await connection.Command(explain + sql).WithAll(parameters).ListAsync(r => Convert.ToString(r.GetValue(r.FieldCount - 1), CultureInfo.InvariantCulture)!,
            CancellationToken.None));

        // SQLite keeps a composite primary key of a table with row ids as its automatic index.
        Assert.Contains(store.Database.Engine.Kind == StoreEngine.Postgres ? "promotion_days_pkey" : "USING INDEX sqlite_autoindex_promotion_days_1 (promotion_id=?",
            plan, StringComparison.Ordinal);
        Assert.DoesNotContain(store.Database.Engine.Kind == StoreEngine.Postgres ? "Seq Scan" : "SCAN promotion_days", plan, StringComparison.Ordinal);
    }

    // A hundred promotions with a row for every day of December in store 1, and the statistics a live HQ's planner has.
    private static async Task AddDaysAsync(HqDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        for (var id = 1; id <= Promotions; id++)
        {
            await connection.Command("""
                INSERT INTO promotions (promotion_id, name, kind, valid_from, valid_to, skus, threshold_paise, off_paise, created_version, created_at)
                VALUES (@id, 'Off the bill', 'bill_value', '2026-11-30T18:30:00.0000000Z', '2026-12-31T18:30:00.0000000Z', '', 100000, 10000, 1,
                        '2026-11-30T12:00:00.0000000Z')
                """, transaction).With("@id", (long)id).ExecuteAsync(CancellationToken.None);
            for (var day = 1; day <= Days; day++)
            {
                await connection.Command($"""
                    INSERT INTO promotion_days (promotion_id, business_date, store_id, {string.Join(", ", PromotionDaySums.Columns.Select(c => c.Name))})
                    VALUES (@id, @date, 1, {string.Join(", ", PromotionDaySums.Columns.Select(_ => "1"))})
                    """, transaction)
                    .With("@id", (long)id).With("@date", string.Create(CultureInfo.InvariantCulture, $"2026-12-{day:D2}")).ExecuteAsync(CancellationToken.None);
            }
        }

        await transaction.CommitAsync(CancellationToken.None);
        await connection.Command("ANALYZE").ExecuteAsync(CancellationToken.None);
    }
}
