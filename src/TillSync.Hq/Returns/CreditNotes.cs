using System.Data.Common;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Returns;
using TillSync.Hq.Stock;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Returns;

/// <summary>Reads committed returns — credit notes — for the API and pages, and what came back of a sale.</summary>
public static class CreditNotes
{
    private const string Columns =
        "r.document_id, r.till_id, r.store_id, r.till_seq, r.credit_note_no, r.created_at, r.committed_at, r.flags, r.original_order_id, " +
        "r.original_bill_no, r.original_till_id, r.return_reason, r.customer_gstin, r.linked_at, r.total_paise, r.body_json";

    /// <summary>The credit note <paramref name="documentId"/>, or null.</summary>
    public static Task<CreditNoteView?> FindAsync(DbConnection connection, Guid documentId, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM returns r WHERE r.document_id = @id").With("@id", documentId.ToString("D"))
            .FirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>Credit notes matching <paramref name="filter"/>, in document id order (UUIDv7: about the order made).</summary>
    public static async Task<CreditNotePage> ListAsync(DbConnection connection, CreditNoteFilter filter, CancellationToken cancellationToken)
    {
        var (where, parameters) = filter.Period.OrderFilter("r");
        var conditions = new List<string> { where };
        if (filter.TillId is { } tillId)
        {
            conditions.Add("r.till_id = @till");
            parameters.Add(("@till", tillId));
        }

        if (filter.Reason is { } reason)
        {
            conditions.Add("r.return_reason = @reason");
            parameters.Add(("@reason", reason));
        }

        if (filter.Linked is { } linked)
        {
            conditions.Add(linked ? "r.linked_at IS NOT NULL" : "r.linked_at IS NULL");
        }

        if (filter.After is { } after)
        {
            conditions.Add("r.document_id > @after");
            parameters.Add(("@after", after.ToString("D")));
        }

        parameters.Add(("@limit", filter.Limit + 1));
        var notes = await connection.Command($"SELECT {Columns} FROM returns r WHERE {string.Join(" AND ", conditions)} ORDER BY r.document_id LIMIT @limit")
            .WithAll(parameters).ListAsync(Read, cancellationToken);
        var more = notes.Count > filter.Limit;
        if (more)
        {
            notes.RemoveAt(notes.Count - 1);
        }

        return new CreditNotePage(notes, more ? notes[^1].DocumentId : null);
    }

    /// <summary>The credit notes against sale <paramref name="saleId"/> from every till, oldest first.</summary>
    public static Task<List<SaleReturn>> OfSaleAsync(DbConnection connection, DbTransaction? transaction, Guid saleId, CancellationToken cancellationToken) =>
        connection.Command("""
            SELECT document_id, credit_note_no, till_id, created_at, total_paise, flags FROM returns WHERE original_order_id = @sale
            ORDER BY committed_at, till_id, till_seq
            """, transaction).With("@sale", saleId.ToString("D"))
            .ListAsync(r => new SaleReturn(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2), StoredTime.Parse(r.GetString(3)), r.GetInt64(4),
                DocumentStatuses.ParseFlags(r.GetString(5))), cancellationToken);

    /// <summary>Σ quantity returned per original line of sale <paramref name="saleId"/>, in thousandths, across every till.</summary>
    public static async Task<Dictionary<int, long>> ReturnedMilliAsync(
        DbConnection connection, DbTransaction? transaction, Guid saleId, CancellationToken cancellationToken)
    {
        var rows = await connection.Command("""
            SELECT original_line_no, CAST(SUM(qty_milli) AS BIGINT) FROM return_lines WHERE original_order_id = @sale GROUP BY original_line_no
            """, transaction).With("@sale", saleId.ToString("D")).ListAsync(r => (LineNo: (int)r.GetInt64(0), Milli: r.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(r => r.LineNo, r => r.Milli);
    }

    /// <summary>Each line of a sale with what came back of it and what may still come back.</summary>
    public static IReadOnlyList<ReturnableLine> Returnable(IReadOnlyList<(string Sku, decimal Qty)> lines, IReadOnlyDictionary<int, long> returnedMilli) =>
        [.. lines.Select((l, i) =>
        {
            var returned = Quantity.FromMilli(returnedMilli.GetValueOrDefault(i + 1));
            return new ReturnableLine(i + 1, l.Sku, l.Qty, returned, Math.Max(0m, l.Qty - returned));
        })];

    private static CreditNoteView Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), StoredTime.Parse(r.GetString(5)),
        StoredTime.Parse(r.GetString(6)), DocumentStatuses.ParseFlags(r.GetString(7)), Guid.Parse(r.GetString(8)), r.GetString(9), r.GetInt64(10),
        r.GetString(11), r.NullableString(12) is not null, r.NullableString(13) is { } linked ? StoredTime.Parse(linked) : null, r.GetInt64(14),
        JsonSerializer.Deserialize(r.GetString(15), TillSyncJsonContext.Default.ReturnDto)!);
}

/// <summary>The filters of the credit notes listing.</summary>
/// <param name="Period">Dates (IST, on the credit note's date) and store.</param>
/// <param name="TillId">The till that made them, or null for all.</param>
/// <param name="Reason">The reason code, or null for all.</param>
/// <param name="Linked">True: linked to their original; false: awaiting it; null: both.</param>
/// <param name="After">The cursor: the last document id of the previous page.</param>
/// <param name="Limit">Page size.</param>
public sealed record CreditNoteFilter(Accounting.LedgerPeriod Period, long? TillId, string? Reason, bool? Linked, Guid? After, int Limit);
