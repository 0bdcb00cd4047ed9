using System.Data.Common;
using TillSync.Contracts.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The day's sales over a period, from the per-day figures HQ maintains as it commits bills and credit notes
/// (<see cref="LedgerBalances"/>): a row per day, read from the day rows, so its cost is the days × stores it shows; or,
/// for a long period, a row per calendar month, read like the trial balance from the month roll-up and the days at the
/// period's edges, so its cost is the months.</summary>
public static class DaySales
{
    /// <summary>The sums of a row, in <see cref="DaySalesRow"/>'s order from <c>Bills</c> to <c>CreditNoteTotalPaise</c>.</summary>
    private const string Sums = """
        CAST(SUM(x.bills) AS BIGINT), CAST(SUM(x.bill_taxable_paise) AS BIGINT), CAST(SUM(x.bill_tax_paise) AS BIGINT),
        CAST(SUM(x.bill_total_paise) AS BIGINT), CAST(SUM(x.credit_notes) AS BIGINT), CAST(SUM(x.credit_note_taxable_paise) AS BIGINT),
        CAST(SUM(x.credit_note_tax_paise) AS BIGINT), CAST(SUM(x.credit_note_total_paise) AS BIGINT)
        """;

    /// <summary>The longest period, in days from its first date to its last, listed by day when the request names no
    /// grain; a longer or open one is grouped by month, so that the cost of an unqualified request is the months (ten
    /// years of days is 3,652 rows: bench/RESULTS.md).</summary>
    public const int ByDaySpanDaysMax = 92;

    /// <summary>The grain of a request that names none: by day for a period of up to <see cref="ByDaySpanDaysMax"/>
    /// days, by month for a longer or open one. The books page leaves the grain to this rule unless the manager picks
    /// one, and shows the grain the answer carries.</summary>
    public static string DefaultGrain(LedgerPeriod period) =>
        period.From is { } from && period.To is { } to && to.DayNumber - from.DayNumber < ByDaySpanDaysMax ? DaySalesGrain.Day : DaySalesGrain.Month;

    /// <summary>The days of <paramref name="period"/> with a bill or a credit note, or with <paramref name="by"/>
    /// <see cref="DaySalesGrain.Month"/> its calendar months (<c>yyyy-MM</c>, the period's first and last month cut to
    /// the period).</summary>
    public static async Task<DaySalesView> LoadAsync(DbTransaction snapshot, LedgerPeriod period, string by, CancellationToken cancellationToken)
    {
        var (rows, parameters) = by == DaySalesGrain.Month
            ? period.BalanceRows(t => t.Entries, """
                substr({period}, 1, 7) AS period_key, b.bills, b.bill_taxable_paise, b.bill_tax_paise, b.bill_total_paise, b.credit_notes,
                b.credit_note_taxable_paise, b.credit_note_tax_paise, b.credit_note_total_paise
                """)
            : DayRows(period);
        var days = await snapshot.Connection!.Command($"""
            SELECT x.period_key, {Sums}
            FROM ({rows}) x
            GROUP BY x.period_key HAVING SUM(x.bills) > 0 OR SUM(x.credit_notes) > 0 ORDER BY x.period_key
            """, snapshot).WithAll(parameters).ListAsync(r => Day(r.GetString(0), [r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)]), cancellationToken);
        return Of(period, days, by);
    }

    private static (string Sql, List<(string Name, object? Value)> Parameters) DayRows(LedgerPeriod period)
    {
        var (filter, parameters) = period.DayFilter("d");
        return ($"""
            SELECT d.entry_date AS period_key, d.bills, d.bill_taxable_paise, d.bill_tax_paise, d.bill_total_paise, d.credit_notes,
                   d.credit_note_taxable_paise, d.credit_note_tax_paise, d.credit_note_total_paise
            FROM ledger_days d WHERE {filter}
            """, parameters);
    }

    /// <summary>A day's row from its eight sums, in <see cref="DaySalesRow"/>'s order from <c>Bills</c> to
    /// <c>CreditNoteTotalPaise</c>.</summary>
    public static DaySalesRow Day(string? date, ReadOnlySpan<long> sums) =>
        new(date, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], checked(sums[3] - sums[7]));

    /// <summary>The view of <paramref name="days"/> (rows of the grain <paramref name="by"/>) with their totals.</summary>
    public static DaySalesView Of(LedgerPeriod period, IReadOnlyList<DaySalesRow> days, string by = DaySalesGrain.Day) =>
        new(period.FromText, period.ToText, period.StoreId, days, Day(null, [
            days.Sum(d => d.Bills), days.Sum(d => d.TaxablePaise), days.Sum(d => d.TaxPaise), days.Sum(d => d.TotalPaise),
            days.Sum(d => d.CreditNotes), days.Sum(d => d.CreditNoteTaxablePaise), days.Sum(d => d.CreditNoteTaxPaise),
            days.Sum(d => d.CreditNoteTotalPaise)]), by);
}
