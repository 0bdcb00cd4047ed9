using System.Data.Common;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Hq.Accounting;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Orders;
using TillSync.Storage;

namespace TillSync.Hq.Gst;

/// <summary>Reads the bills and credit notes of a store dated (IST) in a period, with their lines and their e-invoice
/// status, from the rows HQ keeps (<c>orders</c>, <c>returns</c>, their lines, <c>einvoices</c>, the catalogue's HSN code
/// and unit). The same SQL runs on SQLite and PostgreSQL.</summary>
public static class Gstr1Documents
{
    /// <summary>Every committed or rejected bill and every committed credit note of <paramref name="storeId"/> in
    /// <paramref name="period"/>, in number order, read in <paramref name="snapshot"/>.</summary>
    public static async Task<List<Gstr1Document>> LoadAsync(
        DbTransaction snapshot, Gstr1Period period, long storeId, string storeStateCode, CancellationToken cancellationToken)
    {
        var books = period.Books(storeId);
        var bills = await BillsAsync(snapshot, books, storeStateCode, cancellationToken);
        var notes = await CreditNotesAsync(snapshot, books, storeStateCode, cancellationToken);
        return [.. bills, .. notes];
    }

    private static async Task<List<Gstr1Document>> BillsAsync(DbTransaction snapshot, LedgerPeriod books, string storeStateCode, CancellationToken cancellationToken)
    {
        var (filter, parameters) = Filter(books, "o");
        var lines = await LinesAsync(snapshot, $"""
            SELECT l.client_order_id, l.gst_rate_bp, p.hsn, p.unit, l.qty_milli, l.taxable_paise, l.cgst_paise, l.sgst_paise, l.igst_paise
            FROM order_lines l JOIN orders o ON o.client_order_id = l.client_order_id LEFT JOIN products p ON p.sku = l.sku
            WHERE o.status = @committed AND {filter}
            ORDER BY l.client_order_id, l.line_no
            """, parameters, cancellationToken);
        return await snapshot.Connection!.Command($"""
            SELECT o.client_order_id, o.bill_no, o.status, o.created_at, o.customer_gstin, o.inter_state, o.total_paise,
                   CASE WHEN e.status = @cancelled THEN 1 ELSE 0 END,
                   CASE WHEN o.inter_state = 1 AND o.status = @committed THEN o.body_json END
            FROM orders o LEFT JOIN einvoices e ON e.client_order_id = o.client_order_id
            WHERE {filter}
            ORDER BY o.bill_no
            """, snapshot).WithAll(parameters).ListAsync(r =>
        {
            var interState = r.GetInt64(5) == 1;
            var state = r.GetString(2) != OrderStatuses.Committed ? Gstr1DocumentState.Rejected
                : r.GetInt64(7) == 1 ? Gstr1DocumentState.CancelledAtPortal : Gstr1DocumentState.Supplied;
            // A rejected bill's body is whatever the till sent (it may not even read); it is only counted, never placed.
            var placeOfSupply = interState && state != Gstr1DocumentState.Rejected
                ? PlaceOfSupply(JsonSerializer.Deserialize(r.GetString(8), TillSyncJsonContext.Default.OrderDto)!.Customer?.PlaceOfSupply)
                : storeStateCode;
            return new Gstr1Document(SupplyDocument.Invoice, r.GetString(1), DateOf(r.GetString(3)), r.NullableString(4), interState, placeOfSupply,
                r.GetInt64(6), state, false, state == Gstr1DocumentState.Rejected ? [] : lines.GetValueOrDefault(r.GetString(0), []));
        }, cancellationToken);
    }

    // A credit note's original is read from HQ's copy of the sale when HQ holds it, otherwise from the return's own account
    // of it (its total and date), to tell whether the original was a B2C large invoice.
    private static async Task<List<Gstr1Document>> CreditNotesAsync(
        DbTransaction snapshot, LedgerPeriod books, string storeStateCode, CancellationToken cancellationToken)
    {
        var (filter, parameters) = Filter(books, "r");
        var lines = await LinesAsync(snapshot, $"""
            SELECT l.document_id, l.gst_rate_bp, p.hsn, p.unit, l.qty_milli, l.taxable_paise, l.cgst_paise, l.sgst_paise, l.igst_paise
            FROM return_lines l JOIN returns r ON r.document_id = l.document_id LEFT JOIN products p ON p.sku = l.sku
            WHERE {filter}
            ORDER BY l.document_id, l.line_no
            """, parameters, cancellationToken);
        return await snapshot.Connection!.Command($"""
            SELECT r.document_id, r.credit_note_no, r.created_at, r.customer_gstin, r.inter_state, r.total_paise,
                   CASE WHEN e.status = @cancelled THEN 1 ELSE 0 END, CASE WHEN r.inter_state = 1 THEN r.body_json END,
                   o.total_paise, o.created_at
            FROM returns r LEFT JOIN einvoices e ON e.client_order_id = r.document_id
                LEFT JOIN orders o ON o.client_order_id = r.original_order_id AND o.status = @committed
            WHERE {filter}
            ORDER BY r.credit_note_no
            """, snapshot).WithAll(parameters).ListAsync(r =>
        {
            var interState = r.GetInt64(4) == 1;
            var buyerGstin = r.NullableString(3);
            var returned = interState ? JsonSerializer.Deserialize(r.GetString(7), TillSyncJsonContext.Default.ReturnDto)! : null;
            var againstLarge = returned is not null && buyerGstin is null
                && B2cLarge.Exceeds(r.NullableInt64(8) ?? returned.Original.TotalPaise,
                    r.IsDBNull(9) ? JournalEntry.BusinessDate(returned.Original.CreatedAt) : DateOf(r.GetString(9)));
            return new Gstr1Document(SupplyDocument.CreditNote, r.GetString(1), DateOf(r.GetString(2)), buyerGstin, interState,
                returned is null ? storeStateCode : PlaceOfSupply(returned.Customer?.PlaceOfSupply), r.GetInt64(5),
                r.GetInt64(6) == 1 ? Gstr1DocumentState.CancelledAtPortal : Gstr1DocumentState.Supplied, againstLarge,
                lines.GetValueOrDefault(r.GetString(0), []));
        }, cancellationToken);
    }

    // The period's and store's condition on the documents' table aliased alias, and the states the queries name.
    private static (string Sql, List<(string Name, object? Value)> Parameters) Filter(LedgerPeriod books, string alias)
    {
        var (filter, parameters) = books.OrderFilter(alias);
        parameters.Add(("@committed", OrderStatuses.Committed));
        parameters.Add(("@cancelled", EInvoiceStatuses.Cancelled));
        return (filter, parameters);
    }

    private static async Task<Dictionary<string, List<Gstr1Line>>> LinesAsync(
        DbTransaction snapshot, string sql, List<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        var byDocument = new Dictionary<string, List<Gstr1Line>>(StringComparer.Ordinal);
        await using var command = snapshot.Connection!.Command(sql, snapshot).WithAll(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!byDocument.TryGetValue(id, out var lines))
            {
                byDocument.Add(id, lines = []);
            }

            // A SKU no longer in the catalogue has no HSN code to report: it shows as an empty code the manager must fix.
            lines.Add(new Gstr1Line(checked((int)reader.GetInt64(1)), reader.NullableString(2) ?? "", reader.NullableString(3) ?? "",
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)));
        }

        return byDocument;
    }

    // An inter-state document always names its place of supply (that is what makes it inter-state, docs/money.md).
    private static string PlaceOfSupply(string? stateCode) =>
        stateCode ?? throw new InvalidOperationException("An inter-state document without a place of supply: HQ's rules admit none.");

    private static DateOnly DateOf(string storedTime) => JournalEntry.BusinessDate(StoredTime.Parse(storedTime));
}
