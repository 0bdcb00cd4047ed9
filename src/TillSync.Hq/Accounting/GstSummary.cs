using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Accounting;
using TillSync.Hq.Orders;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Outward supplies by B2B/B2C, intra/inter-state and rate, from the committed bills' lines — the figures a
/// GSTR-1 return is filled from. Rejected orders are not supplies and count nowhere. Credit notes (committed returns) are
/// listed apart, by the same classes, dated by the credit note (docs/returns.md).</summary>
public static class GstSummary
{
    /// <summary>The summary of the bills dated in <paramref name="period"/>.</summary>
    public static async Task<GstSummaryView> LoadAsync(DbConnection connection, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.OrderFilter("o");
        parameters.Add(("@committed", OrderStatuses.Committed));
        var rows = await connection.Command($"""
            SELECT CASE WHEN o.customer_gstin IS NULL THEN 'B2C' ELSE 'B2B' END, o.inter_state, l.gst_rate_bp,
                   COUNT(DISTINCT o.client_order_id), CAST(SUM(l.taxable_paise) AS BIGINT), CAST(SUM(l.cgst_paise) AS BIGINT),
                   CAST(SUM(l.sgst_paise) AS BIGINT), CAST(SUM(l.igst_paise) AS BIGINT)
            FROM order_lines l JOIN orders o ON o.client_order_id = l.client_order_id
            WHERE o.status = @committed AND {filter}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """).WithAll(parameters).ListAsync(r => new GstSummaryRow(
                r.GetString(0), r.GetInt64(1) != 0, checked((int)r.GetInt64(2)), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
            cancellationToken);
        var invoices = Convert.ToInt64(
            await connection.Command($"SELECT COUNT(*) FROM orders o WHERE o.status = @committed AND {filter}").WithAll(parameters)
                .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var totals = new GstSummaryRow("all", null, null, invoices, rows.Sum(r => r.TaxablePaise), rows.Sum(r => r.CgstPaise),
            rows.Sum(r => r.SgstPaise), rows.Sum(r => r.IgstPaise));
        var (notes, noteTotals) = await CreditNotesAsync(connection, period, cancellationToken);
        return new GstSummaryView(period.FromText, period.ToText, period.StoreId, rows, totals, notes, noteTotals);
    }

    private static async Task<(List<GstSummaryRow> Rows, GstSummaryRow Totals)> CreditNotesAsync(
        DbConnection connection, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.OrderFilter("r");
        var rows = await connection.Command($"""
            SELECT CASE WHEN r.customer_gstin IS NULL THEN 'B2C' ELSE 'B2B' END, r.inter_state, l.gst_rate_bp,
                   COUNT(DISTINCT r.document_id), CAST(SUM(l.taxable_paise) AS BIGINT), CAST(SUM(l.cgst_paise) AS BIGINT),
                   CAST(SUM(l.sgst_paise) AS BIGINT), CAST(SUM(l.igst_paise) AS BIGINT)
            FROM return_lines l JOIN returns r ON r.document_id = l.document_id
            WHERE {filter}
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """).WithAll(parameters).ListAsync(r => new GstSummaryRow(
                r.GetString(0), r.GetInt64(1) != 0, checked((int)r.GetInt64(2)), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)),
            cancellationToken);
        var count = Convert.ToInt64(
            await connection.Command($"SELECT COUNT(*) FROM returns r WHERE {filter}").WithAll(parameters).ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);
        return (rows, new GstSummaryRow("all", null, null, count, rows.Sum(r => r.TaxablePaise), rows.Sum(r => r.CgstPaise),
            rows.Sum(r => r.SgstPaise), rows.Sum(r => r.IgstPaise)));
    }
}
