using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;
using TillSync.Hq.Orders;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The reports computed the slow way, from every posting, bill line and credit note line of the period: the
/// oracle the maintained balances are checked against (the property tests, <c>bench/</c>'s verification, and an
/// operator's <c>GET /api/v1/ledger/check</c>). Never on a report's path: its cost grows with the history.</summary>
public static class LedgerScan
{
    /// <summary>Compares each report of <paramref name="period"/> as the balances answer it with the scan.</summary>
    public static async Task<LedgerCheckView> CheckAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken) => new(
        period.FromText, period.ToText, period.StoreId,
        Same(await TrialBalance.LoadAsync(snapshot, period, cancellationToken), await TrialBalanceAsync(snapshot, period, cancellationToken),
            TillSyncJsonContext.Default.TrialBalanceView),
        Same(await GstSummary.LoadAsync(snapshot, period, cancellationToken), await GstSummaryAsync(snapshot, period, cancellationToken),
            TillSyncJsonContext.Default.GstSummaryView),
        Same(await DaySales.LoadAsync(snapshot, period, DaySalesGrain.Day, cancellationToken), await DaySalesAsync(snapshot, period, cancellationToken),
            TillSyncJsonContext.Default.DaySalesView));

    /// <summary>The trial balance of <paramref name="period"/> from the postings.</summary>
    public static async Task<TrialBalanceView> TrialBalanceAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.DayFilter("e");
        var rows = await snapshot.Connection!.Command($"""
            SELECT p.account,
                   CAST(SUM(CASE WHEN p.amount_paise > 0 THEN p.amount_paise ELSE 0 END) AS BIGINT),
                   CAST(SUM(CASE WHEN p.amount_paise < 0 THEN -p.amount_paise ELSE 0 END) AS BIGINT)
            FROM journal_postings p JOIN journal_entries e ON e.entry_ref = p.entry_ref
            WHERE {filter}
            GROUP BY p.account ORDER BY p.account
            """, snapshot).WithAll(parameters).ListAsync(TrialBalance.Row, cancellationToken);
        var entries = Convert.ToInt64(
            await snapshot.Connection!.Command($"SELECT COUNT(*) FROM journal_entries e WHERE {filter}", snapshot).WithAll(parameters).ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);
        return TrialBalance.Of(period, rows, entries);
    }

    /// <summary>The GST summary of <paramref name="period"/> from the committed bills' lines and the credit notes' lines.</summary>
    public static async Task<GstSummaryView> GstSummaryAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (orderFilter, orderParameters) = period.OrderFilter("o");
        orderParameters.Add(("@committed", OrderStatuses.Committed));
        var bills = await snapshot.Connection!.Command($"""
            SELECT CASE WHEN o.customer_gstin IS NULL THEN 'B2C' ELSE 'B2B' END, o.inter_state, l.gst_rate_bp,
                   COUNT(DISTINCT o.client_order_id), CAST(SUM(l.taxable_paise) AS BIGINT), CAST(SUM(l.cgst_paise) AS BIGINT),
                   CAST(SUM(l.sgst_paise) AS BIGINT), CAST(SUM(l.igst_paise) AS BIGINT)
            FROM order_lines l JOIN orders o ON o.client_order_id = l.client_order_id
            WHERE o.status = @committed AND {orderFilter}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, snapshot).WithAll(orderParameters).ListAsync(GstSummary.Row, cancellationToken);
        var invoices = Convert.ToInt64(
            await snapshot.Connection!.Command($"SELECT COUNT(*) FROM orders o WHERE o.status = @committed AND {orderFilter}", snapshot).WithAll(orderParameters)
                .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var (returnFilter, returnParameters) = period.OrderFilter("r");
        var notes = await snapshot.Connection!.Command($"""
            SELECT CASE WHEN r.customer_gstin IS NULL THEN 'B2C' ELSE 'B2B' END, r.inter_state, l.gst_rate_bp,
                   COUNT(DISTINCT r.document_id), CAST(SUM(l.taxable_paise) AS BIGINT), CAST(SUM(l.cgst_paise) AS BIGINT),
                   CAST(SUM(l.sgst_paise) AS BIGINT), CAST(SUM(l.igst_paise) AS BIGINT)
            FROM return_lines l JOIN returns r ON r.document_id = l.document_id
            WHERE {returnFilter}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, snapshot).WithAll(returnParameters).ListAsync(GstSummary.Row, cancellationToken);
        var creditNotes = Convert.ToInt64(
            await snapshot.Connection!.Command($"SELECT COUNT(*) FROM returns r WHERE {returnFilter}", snapshot).WithAll(returnParameters).ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);
        return GstSummary.Of(period, bills, invoices, notes, creditNotes);
    }

    /// <summary>The day's sales of <paramref name="period"/> from every committed bill and credit note, each dated by its
    /// <c>created_at</c> in India Standard Time.</summary>
    public static async Task<DaySalesView> DaySalesAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var sumsByDate = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var (orderFilter, orderParameters) = period.OrderFilter("o");
        orderParameters.Add(("@committed", OrderStatuses.Committed));
        await AddAsync(snapshot, $"""
            SELECT o.created_at, o.taxable_paise, o.cgst_paise + o.sgst_paise + o.igst_paise, o.total_paise
            FROM orders o WHERE o.status = @committed AND {orderFilter}
            """, orderParameters, sumsByDate, 0, cancellationToken);
        var (returnFilter, returnParameters) = period.OrderFilter("r");
        await AddAsync(snapshot, $"""
            SELECT r.created_at, r.taxable_paise, r.cgst_paise + r.sgst_paise + r.igst_paise, r.total_paise FROM returns r WHERE {returnFilter}
            """, returnParameters, sumsByDate, 4, cancellationToken);
        return DaySales.Of(period, [.. sumsByDate.Select(d => DaySales.Day(d.Key, d.Value))]);
    }

    // Equal as the API would show them: every field and every row, in order.
    private static bool Same<T>(T maintained, T scanned, JsonTypeInfo<T> type) =>
        JsonSerializer.Serialize(maintained, type) == JsonSerializer.Serialize(scanned, type);

    // Adds each document the query reads (created_at, taxable, tax, total) to its day's count and sums from column first on.
    private static async Task AddAsync(
        DbTransaction snapshot, string sql, List<(string Name, object? Value)> parameters, SortedDictionary<string, long[]> sumsByDate, int first,
        CancellationToken cancellationToken)
    {
        await using var command = snapshot.Connection!.Command(sql, snapshot).WithAll(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var date = JournalWriter.EntryDate(JournalEntry.BusinessDate(StoredTime.Parse(reader.GetString(0))));
            if (!sumsByDate.TryGetValue(date, out var sums))
            {
                sumsByDate.Add(date, sums = new long[8]);
            }

            sums[first]++;
            for (var i = 1; i <= 3; i++)
            {
                sums[first + i] = checked(sums[first + i] + reader.GetInt64(i));
            }
        }
    }
}
