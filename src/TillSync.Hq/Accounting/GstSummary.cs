using System.Data.Common;
using TillSync.Contracts.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Outward supplies by B2B/B2C, intra/inter-state and rate — the figures a GSTR-1 return is filled from — from
/// the GST figures HQ maintains per day and month as it commits bills and credit notes (<see cref="LedgerBalances"/>;
/// whole months from the month rows, the edge days from the day rows). Rejected
/// orders are not supplies and count nowhere. Credit notes (committed returns) are listed apart, by the same classes,
/// dated by the credit note (docs/returns.md).</summary>
public static class GstSummary
{
    /// <summary>The summary of the bills and credit notes dated in <paramref name="period"/>.</summary>
    public static async Task<GstSummaryView> LoadAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var bills = await ClassesAsync(snapshot, period, SupplyDocument.Invoice, cancellationToken);
        var notes = await ClassesAsync(snapshot, period, SupplyDocument.CreditNote, cancellationToken);
        var (entryRows, parameters) = period.BalanceRows(t => t.Entries, "b.bills, b.credit_notes");
        var (invoices, creditNotes) = await snapshot.Connection!.Command($"""
            SELECT CAST(COALESCE(SUM(x.bills), 0) AS BIGINT), CAST(COALESCE(SUM(x.credit_notes), 0) AS BIGINT) FROM ({entryRows}) x
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
        var (classRows, parameters) = period.BalanceRows(t => t.Gst,
            "b.supply, b.inter_state, b.gst_rate_bp, b.documents, b.taxable_paise, b.cgst_paise, b.sgst_paise, b.igst_paise", "b.document = @document");
        parameters.Add(("@document", SupplyDocuments.Stored(document)));
        return await snapshot.Connection!.Command($"""
            SELECT x.supply, x.inter_state, x.gst_rate_bp, CAST(SUM(x.documents) AS BIGINT), CAST(SUM(x.taxable_paise) AS BIGINT),
                   CAST(SUM(x.cgst_paise) AS BIGINT), CAST(SUM(x.sgst_paise) AS BIGINT), CAST(SUM(x.igst_paise) AS BIGINT)
            FROM ({classRows}) x
            GROUP BY x.supply, x.inter_state, x.gst_rate_bp ORDER BY x.supply, x.inter_state, x.gst_rate_bp
            """, snapshot).WithAll(parameters).ListAsync(Row, cancellationToken);
    }
}
