using System.Data.Common;
using TillSync.Contracts.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The day's sales over a period, from the per-day figures HQ maintains as it commits bills and credit notes
/// (<see cref="LedgerBalances"/>). The report lists every day of its period, so it reads the day rows, not the month
/// roll-up: its cost is the days × stores it shows.</summary>
public static class DaySales
{
    /// <summary>The days of <paramref name="period"/> with a bill or a credit note.</summary>
    public static async Task<DaySalesView> LoadAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.DayFilter("d");
        var days = await snapshot.Connection!.Command($"""
            SELECT d.entry_date, CAST(SUM(d.bills) AS BIGINT), CAST(SUM(d.bill_taxable_paise) AS BIGINT), CAST(SUM(d.bill_tax_paise) AS BIGINT),
                   CAST(SUM(d.bill_total_paise) AS BIGINT), CAST(SUM(d.credit_notes) AS BIGINT), CAST(SUM(d.credit_note_taxable_paise) AS BIGINT),
                   CAST(SUM(d.credit_note_tax_paise) AS BIGINT), CAST(SUM(d.credit_note_total_paise) AS BIGINT)
            FROM ledger_days d
            WHERE {filter}
            GROUP BY d.entry_date HAVING SUM(d.bills) > 0 OR SUM(d.credit_notes) > 0 ORDER BY d.entry_date
            """, snapshot).WithAll(parameters).ListAsync(r => Day(r.GetString(0), [r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
                r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)]), cancellationToken);
        return Of(period, days);
    }

    /// <summary>A day's row from its eight sums, in <see cref="DaySalesRow"/>'s order from <c>Bills</c> to
    /// <c>CreditNoteTotalPaise</c>.</summary>
    public static DaySalesRow Day(string? date, ReadOnlySpan<long> sums) =>
        new(date, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], checked(sums[3] - sums[7]));

    /// <summary>The view of <paramref name="days"/> with their totals.</summary>
    public static DaySalesView Of(LedgerPeriod period, IReadOnlyList<DaySalesRow> days) =>
        new(period.FromText, period.ToText, period.StoreId, days, Day(null, [
            days.Sum(d => d.Bills), days.Sum(d => d.TaxablePaise), days.Sum(d => d.TaxPaise), days.Sum(d => d.TotalPaise),
            days.Sum(d => d.CreditNotes), days.Sum(d => d.CreditNoteTaxablePaise), days.Sum(d => d.CreditNoteTaxPaise),
            days.Sum(d => d.CreditNoteTotalPaise)]));
}
