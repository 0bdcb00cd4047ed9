using System.Data.Common;
using TillSync.Contracts.Pricing;
using TillSync.Hq.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>How a promotion did (docs/pricing.md, "How each promotion did"), read from its per-day totals
/// (<c>promotion_days</c>): one row per business day and store, found by the table's key, so a promotion used on a million
/// bills costs the days it ran, not its bills.</summary>
public static class PromotionReports
{
    /// <summary>The schema version of migration 0032, from which HQ records what promotions did: when it was applied is when
    /// the report begins. Bills recorded before it are not counted (their claims are only in their stored bodies, and
    /// their returns' take-backs cannot be worked out in SQL; ADR 0025).</summary>
    public const int FirstSchemaVersion = 32;

    /// <summary>The report of <paramref name="promotion"/> over <paramref name="period"/>'s business days (its store is not
    /// used: the report is by store).</summary>
    public static async Task<PromotionReport> ReadAsync(DbConnection connection, PromotionDto promotion, LedgerPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(period);
        var (sql, parameters) = DaysQuery(promotion.Id, period);
        var rows = await connection.Command(sql).WithAll(parameters)
            .ListAsync(r => (Date: r.GetString(0), StoreId: r.GetInt64(1), Sums: PromotionDaySums.Read(r)), cancellationToken);
        var since = await connection.Command("SELECT applied_at FROM schema_migrations WHERE version = @version")
            .With("@version", FirstSchemaVersion).ScalarAsync(cancellationToken);
        return new PromotionReport(promotion, period.FromText, period.ToText, StoredTime.Parse((string)since!), Summed(rows.Select(r => r.Sums)),
            [.. rows.GroupBy(r => r.StoreId).OrderBy(g => g.Key).Select(g => new PromotionStoreFigures(g.Key, Summed(g.Select(r => r.Sums))))],
            [.. rows.GroupBy(r => r.Date, StringComparer.Ordinal).Select(g => new PromotionDayFigures(g.Key, Summed(g.Select(r => r.Sums))))]);
    }

    /// <summary>The query of <paramref name="promotionId"/>'s day rows in <paramref name="period"/>, oldest first, and its
    /// parameters: a range of <c>promotion_days</c>' primary key, which begins with the promotion and the day.</summary>
    public static (string Sql, List<(string Name, object? Value)> Parameters) DaysQuery(long promotionId, LedgerPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        List<(string Name, object? Value)> parameters = [("@id", promotionId)];
        if (period.From is not null)
        {
            parameters.Add(("@from", period.FromText));
        }

        if (period.To is not null)
        {
            parameters.Add(("@to", period.ToText));
        }

        return ($"""
            SELECT business_date, store_id, {string.Join(", ", PromotionDaySums.Columns.Select(c => c.Name))}
            FROM promotion_days WHERE promotion_id = @id
            {(period.From is null ? "" : "AND business_date >= @from")} {(period.To is null ? "" : "AND business_date <= @to")}
            ORDER BY business_date, store_id
            """, parameters);
    }

    private static PromotionFigures Summed(IEnumerable<PromotionDaySums> sums)
    {
        var total = new PromotionDaySums();
        foreach (var day in sums)
        {
            total.Add(day);
        }

        return total.ToFigures();
    }
}
