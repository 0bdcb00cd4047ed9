using System.Data.Common;
using TillSync.Contracts.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Outward supplies by B2B/B2C, intra/inter-state and rate — the figures a GSTR-1 return is filled from — from
/// the per-day GST figures HQ maintains as it commits bills and credit notes (<see cref="LedgerBalances"/>). Rejected
/// orders are not supplies and count nowhere. Credit notes (committed returns) are listed apart, by the same classes,
/// dated by the credit note (docs/returns.md).</summary>
public static class GstSummary
{
    /// <summary>The summary of the bills and credit notes dated in <paramref name="period"/>.</summary>
    public static async Task<GstSummaryView> LoadAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var bills = await ClassesAsync(snapshot, period, SupplyDocument.Invoice, cancellationToken);
        var notes = await ClassesAsync(snapshot, period, SupplyDocument.CreditNote, cancellationToken);
        var (filter, parameters) = period.DayFilter("d");
        var (invoices, creditNotes) = await snapshot.Connection!.Command($"""
            SELECT CAST(COALESCE(SUM(d.bills), 0) AS BIGINT), CAST(COALESCE(SUM(d.credit_notes), 0) AS BIGINT) FROM ledger_days d WHERE {filter}
            """, snapshot).WithAll(parameters).FirstOrDefaultAsync(r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        return Of(period, bills, invoices, notes, creditNotes);
    }

    /// <summary>A class's row from a reader of (supply, inter-state, rate, documents, taxable, CGST, SGST, IGST).</summary>
    public static GstSummaryRow Row(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1) != 0, checked((int)reader.GetInt64(2)), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
            reader.GetInt64(6), reader.GetInt64(7));

    /// <summary>The view of the bills' and credit notes' classes, with their totals.</summary>
    public static GstSummaryView Of(
        LedgerPeriod period, IReadOnlyList<GstSummaryRow> bills, long invoices, IReadOnlyList<GstSummaryRow> notes, long creditNotes) =>
        new(period.FromText, period.ToText, period.StoreId, bills, Totals(bills, invoices), notes, Totals(notes, creditNotes));

    private static GstSummaryRow Totals(IReadOnlyList<GstSummaryRow> rows, long documents) =>
        new("all", null, null, documents, rows.Sum(r => r.TaxablePaise), rows.Sum(r => r.CgstPaise), rows.Sum(r => r.SgstPaise), rows.Sum(r => r.IgstPaise));

    private static async Task<List<GstSummaryRow>> ClassesAsync(DbTransaction snapshot, LedgerPeriod period, SupplyDocument document, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.DayFilter("g");
        parameters.Add(("@document", SupplyDocuments.Stored(document)));
        return await snapshot.Connection!.Command($"""
            SELECT g.supply, g.inter_state, g.gst_rate_bp, CAST(SUM(g.documents) AS BIGINT), CAST(SUM(g.taxable_paise) AS BIGINT),
                   CAST(SUM(g.cgst_paise) AS BIGINT), CAST(SUM(g.sgst_paise) AS BIGINT), CAST(SUM(g.igst_paise) AS BIGINT)
            FROM ledger_gst_days g
            WHERE g.document = @document AND {filter}
            GROUP BY g.supply, g.inter_state, g.gst_rate_bp ORDER BY g.supply, g.inter_state, g.gst_rate_bp
            """, snapshot).WithAll(parameters).ListAsync(Row, cancellationToken);
    }
}
