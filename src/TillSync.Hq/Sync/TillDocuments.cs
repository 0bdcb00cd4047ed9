using System.Data.Common;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Sync;

/// <summary>The permanent idempotency ledger of every till document (<c>till_documents</c>, ADR 0007): one row per
/// document HQ recorded, committed or rejected, of any kind, written in the batch's transaction and never pruned. A
/// replay is answered from it alone; its keys — the document id, and (till, tillSeq) — decide that an id or a sequence
/// number is used once, whatever any process holds in memory.</summary>
public sealed class TillDocuments(DatabaseEngine engine)
{
    private static readonly Column<LedgerRow>[] Columns =
    [
        new("document_id", r => r.DocumentId.ToString("D")),
        new("kind", r => r.Kind),
        new("till_id", r => r.TillId),
        new("till_seq", r => r.TillSeq),
        new("store_id", r => r.StoreId),
        new("fingerprint", r => r.Fingerprint),
        new("status", r => DocumentStatuses.Stored(r.Status)),
        new("number", r => r.Number),
        new("committed_at", r => StoredTime.Text(r.CommittedAt)),
        new("flags", r => DocumentStatuses.FormatFlags(r.Flags)),
        new("reason", r => r.Reason),
        new("detail", r => r.Detail),
        new("body_sha256", r => r.Chain?.BodySha256),
        new("chain_prev_hash", r => r.Chain?.PrevHash),
        new("chain_hash", r => r.Chain?.Hash),
        new("chain_signature", r => r.Chain?.Signature),
    ];

    private readonly RowInsert<LedgerRow> _rows = engine.Rows("till_documents", Columns);

    /// <summary>Queues the row of a document decided in this batch.</summary>
    public void Add(LedgerRow row) => _rows.Add(row);

    /// <summary>Writes the queued rows.</summary>
    public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) =>
        _rows.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);

    /// <summary>Stores the complete flags of documents a step flagged after they were written.</summary>
    public static Task UpdateFlagsAsync(SyncBatch batch, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken) =>
        UpdateFlagsAsync(batch, "UPDATE till_documents SET flags = @flags WHERE document_id = @id", flagsByDocument, cancellationToken);

    /// <summary>Runs <paramref name="updateSql"/> (constant SQL with <c>@flags</c> and <c>@id</c>) once per flagged
    /// document: the few documents a step flagged after the batch wrote them, in the ledger or a kind's own table.</summary>
    public static async Task UpdateFlagsAsync(
        SyncBatch batch, string updateSql, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken)
    {
        if (flagsByDocument.Count == 0)
        {
            return;
        }

        await using var update = batch.Connection.Command(updateSql, batch.Transaction).With("@flags", null).With("@id", null);
        foreach (var (id, flags) in flagsByDocument)
        {
            update.Set("@flags", DocumentStatuses.FormatFlags(flags));
            update.Set("@id", id.ToString("D"));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>What HQ recorded for those of <paramref name="ids"/> it has seen, of any till and kind.</summary>
    public static async Task<Dictionary<Guid, KnownDocument>> FindAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction? transaction, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, KnownDocument>();
        if (ids.Count == 0)
        {
            return found;
        }

        var rows = await engine.ListWhereInAsync(connection, transaction,
            "SELECT document_id, kind, till_id, fingerprint, status, number, committed_at, flags, reason, detail FROM till_documents WHERE document_id IN ({list})",
            ids.Select(id => (object)id.ToString("D")), [], Read, cancellationToken);
        foreach (var known in rows)
        {
            found[known.DocumentId] = known;
        }

        return found;
    }

    private static KnownDocument Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        r.GetString(1),
        r.GetInt64(2),
        r.GetString(3),
        DocumentStatuses.Parse(r.GetString(4)),
        r.NullableString(5),
        StoredTime.Parse(r.GetString(6)),
        DocumentStatuses.ParseFlags(r.GetString(7)),
        r.NullableString(8),
        r.NullableString(9));
}

/// <summary>One row of <c>till_documents</c>.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Kind">Its kind as recorded (a damaged stand-in is recorded as <c>damaged</c>).</param>
/// <param name="TillId">The till that made it.</param>
/// <param name="TillSeq">Its sequence number at that till.</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="Fingerprint">SHA-256 of its business content.</param>
/// <param name="Status">Committed or rejected.</param>
/// <param name="Number">Its printed number, or null.</param>
/// <param name="CommittedAt">When HQ recorded it.</param>
/// <param name="Flags">Facts about it, e.g. <c>stock_short</c>.</param>
/// <param name="Reason">Why it was rejected; null when committed.</param>
/// <param name="Detail">The rejection's sentence; null when committed.</param>
/// <param name="Chain">Its chain entry as checked on arrival (ADR 0016); null when it came unchained.</param>
public sealed record LedgerRow(
    Guid DocumentId, string Kind, long TillId, long TillSeq, long StoreId, string Fingerprint, DocumentStatus Status, string? Number,
    DateTimeOffset CommittedAt, IReadOnlyList<string> Flags, string? Reason, string? Detail, LedgerChain? Chain = null);

/// <summary>A document's chain entry on its ledger row.</summary>
/// <param name="BodySha256">SHA-256 of the document's bytes as they came; null for a till's damaged placeholder.</param>
/// <param name="PrevHash">The entry's previous hash.</param>
/// <param name="Hash">The entry's hash.</param>
/// <param name="Signature">The till's signature over the hash.</param>
public sealed record LedgerChain(string? BodySha256, string PrevHash, string Hash, string Signature);
