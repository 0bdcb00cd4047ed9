using System.Data.Common;
using System.Globalization;
using System.Text;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Storage;
using TillSync.Till.Storage;

namespace TillSync.Till.Outbox;

/// <summary>The queue of documents of every kind waiting for HQ, oldest first, and what HQ answered about each. Queries
/// read only the rows they need, so memory stays flat however long the till was offline.</summary>
public sealed class DocumentOutbox(TillDatabase database)
{
    /// <summary>The oldest pending documents, at most <see cref="Limits.SyncOrdersMax"/> and within the sync body limit;
    /// when none is pending, the oldest conflicts (they stay queued, docs/sync.md, but must never hold back a newer document:
    /// HQ's sequence is already past them). Each row is checked before it goes (<see cref="StoredDocument.Check"/>); a row
    /// found damaged for the first time is marked so (the cashier's "needs attention" shows it) and goes as a placeholder.</summary>
    public async Task<List<QueuedDocument>> NextBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await OldestAsync(connection, SyncStates.Pending, cancellationToken);
        if (rows.Count == 0)
        {
            rows = await OldestAsync(connection, SyncStates.Conflict, cancellationToken);
        }

        var batch = new List<QueuedDocument>(rows.Count);
        var newlyDamaged = new List<QueuedDocument>();
        var bytes = 64; // the envelope around the documents
        foreach (var (row, knownDamage) in rows)
        {
            var document = StoredDocument.Check(row);
            bytes += Encoding.UTF8.GetByteCount(document.Json) + 1;
            if (bytes > Limits.SyncBodyBytesMax && batch.Count > 0)
            {
                break;
            }

            batch.Add(document);
            if (document.Damage is not null && knownDamage is null)
            {
                newlyDamaged.Add(document);
            }
        }

        await MarkDamagedAsync(connection, newlyDamaged, cancellationToken);
        return batch;
    }

    private static Task<List<(StoredRow Row, string? Damage)>> OldestAsync(DbConnection connection, string state, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {StoredRow.Columns}, d.damage FROM documents d WHERE d.sync_state = @state ORDER BY d.till_seq LIMIT @max")
            .With("@state", state).With("@max", Limits.SyncOrdersMax)
            .ListAsync(r => (StoredRow.Read(r), StoredRow.Text(r, StoredRow.ColumnCount)), cancellationToken);

    private static async Task MarkDamagedAsync(DbConnection connection, List<QueuedDocument> damaged, CancellationToken cancellationToken)
    {
        if (damaged.Count == 0)
        {
            return;
        }

        await using var transaction = TillDatabase.BeginWrite((Microsoft.Data.Sqlite.SqliteConnection)connection);
        foreach (var document in damaged)
        {
            await connection.Command("UPDATE documents SET damage = @damage WHERE till_seq = @seq AND damage IS NULL", transaction)
                .With("@damage", document.Damage).With("@seq", document.TillSeq).ExecuteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records HQ's answers in one transaction. Only <c>created</c>, <c>duplicate</c> and <c>rejected</c> take a
    /// document out of the queue; a <c>conflict</c> stays queued and shows under "needs attention"; <c>not_processed</c>
    /// changes nothing. HQ's <paramref name="hqNextSeq"/> says it holds this till's documents 1 … nextSeq − 1; one at or
    /// above it that the till thinks HQ answered (synced, rejected or conflict) means HQ lost it (a restored database): it
    /// is queued again as pending, and HQ answers <c>duplicate</c> for any it still has.</summary>
    public async Task<AppliedResults> ApplyAsync(IReadOnlyList<DocumentResult> results, long hqNextSeq, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await using var update = connection.Command(
            "UPDATE documents SET sync_state = @state, sync_reason = @reason, sync_detail = @detail, synced_at = @at WHERE till_seq = @seq", transaction)
            .With("@state", "").With("@reason", null).With("@detail", null).With("@at", StoredTime.Text(now)).With("@seq", 0L);
        int synced = 0, rejected = 0, conflicts = 0, notProcessed = 0;
        string? unsupportedKind = null;
        foreach (var result in results)
        {
            var state = result.Status switch
            {
                SyncStatus.Created or SyncStatus.Duplicate => SyncStates.Synced,
                SyncStatus.Rejected => SyncStates.Rejected,
                SyncStatus.Conflict => SyncStates.Conflict,
                _ => null,
            };
            if (state is null)
            {
                notProcessed++;
                // HQ holds back everything after the first document of a kind it does not know: that one names the kind.
                if (result.Reason == SyncReasons.UnsupportedKind)
                {
                    unsupportedKind ??= result.Kind;
                }

                continue;
            }

            synced += state == SyncStates.Synced ? 1 : 0;
            rejected += state == SyncStates.Rejected ? 1 : 0;
            conflicts += state == SyncStates.Conflict ? 1 : 0;
            update.Set("@state", state);
            update.Set("@reason", result.Reason);
            update.Set("@detail", result.Detail);
            update.Set("@seq", result.TillSeq);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var requeued = await connection.Command(
                "UPDATE documents SET sync_state = 'pending' WHERE till_seq >= @next AND sync_state IN ('synced', 'rejected', 'conflict')", transaction)
            .With("@next", hqNextSeq).ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AppliedResults(synced, rejected, conflicts, notProcessed, requeued, unsupportedKind);
    }

    /// <summary>Takes this till's pending documents up to <paramref name="throughSeq"/> out of the queue as synced, as a sync
    /// answered <c>created</c> would: HQ's signed statement, carried back by a peer that relayed them (ADR 0020), says HQ
    /// holds them. Conflicts stay queued, as they do after a sync. Returns how many left the queue.</summary>
    public static Task<int> DeliveredThroughAsync(
        DbConnection connection, DbTransaction transaction, long throughSeq, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.Command("UPDATE documents SET sync_state = @synced, synced_at = @at WHERE till_seq <= @seq AND sync_state = @pending", transaction)
            .With("@synced", SyncStates.Synced).With("@pending", SyncStates.Pending).With("@seq", throughSeq).With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);

    /// <summary>The queue's depth and age, and how many documents need attention. The age is the first queued document's
    /// in till order: the oldest by the till's own numbering, found in ix_documents_queue by two index seeks (a clock set
    /// back between two documents does not reorder the queue).</summary>
    public async Task<QueueState> StateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.Command($$"""
            SELECT (SELECT COUNT(*) FROM documents WHERE sync_state IN ('pending', 'conflict')),
                   (SELECT created_at FROM documents WHERE till_seq =
                      (SELECT MIN(first) FROM (SELECT MIN(till_seq) AS first FROM documents WHERE sync_state = 'pending'
                                               UNION ALL SELECT MIN(till_seq) FROM documents WHERE sync_state = 'conflict'))),
                   (SELECT COUNT(*) FROM ({{AttentionSql}}))
            """).FirstOrDefaultAsync(r => new QueueState(
                r.GetInt32(0), r.IsDBNull(1) ? null : StoredTime.Parse(r.GetString(1)), r.GetInt32(2)), cancellationToken))!;
    }

    // What needs the cashier's attention: documents the till found damaged, and those HQ rejected or refused as
    // conflicts — unless a manager has resolved HQ's review item on them and none is open — then HQ's other open review
    // items on this till's documents (a stock shortfall on a synced sale), which the till learns from HQ's updates feed
    // (Updates/HqUpdates).
    private const string AttentionSql = """
        SELECT 0 AS grp, d.till_seq AS position, d.document_id AS document_id, d.kind AS kind, COALESCE(d.number, '') AS number, d.till_seq AS till_seq,
               CASE WHEN d.damage IS NOT NULL AND d.sync_state <> 'rejected' THEN 'damaged' ELSE d.sync_state END AS status,
               COALESCE(d.sync_reason, CASE WHEN d.damage IS NOT NULL THEN 'damaged_document' END) AS reason,
               COALESCE(d.damage, d.sync_detail) AS detail, COALESCE(d.synced_at, d.created_at) AS at,
               (SELECT MAX(o.review_id) FROM hq_updates o WHERE o.client_order_id = d.document_id AND o.kind = 'review_opened') AS review_id
        FROM documents d
        WHERE (d.sync_state IN ('rejected', 'conflict') OR d.damage IS NOT NULL)
          AND NOT (EXISTS (SELECT 1 FROM hq_updates r WHERE r.client_order_id = d.document_id AND r.kind = 'review_resolved')
                   AND NOT EXISTS (SELECT 1 FROM hq_updates o WHERE o.client_order_id = d.document_id AND o.kind = 'review_opened'
                       AND NOT EXISTS (SELECT 1 FROM hq_updates r2 WHERE r2.review_id = o.review_id AND r2.kind = 'review_resolved')))
        UNION ALL
        SELECT 1, o.cursor, o.client_order_id, COALESCE(d.kind, 'sale'), COALESCE(o.bill_no, d.number, ''), COALESCE(d.till_seq, 0), 'review',
               o.review_kind, o.summary, o.at, o.review_id
        FROM hq_updates o LEFT JOIN documents d ON d.document_id = o.client_order_id
        WHERE o.kind = 'review_opened'
          AND NOT EXISTS (SELECT 1 FROM hq_updates r WHERE r.review_id = o.review_id AND r.kind = 'review_resolved')
          AND (d.sync_state IS NULL OR (d.sync_state NOT IN ('rejected', 'conflict') AND d.damage IS NULL))
        """;

    /// <summary>Damaged, rejected and conflicting documents (newest first), then HQ's open review items on this till's
    /// documents.</summary>
    public async Task<List<AttentionItem>> AttentionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command($$"""
            SELECT document_id, kind, number, till_seq, status, reason, detail, at, review_id
            FROM ({{AttentionSql}}) ORDER BY grp, position DESC LIMIT 200
            """).ListAsync(r => new AttentionItem(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4),
                r.NullableString(5), r.NullableString(6), StoredTime.Parse(r.GetString(7)), r.IsDBNull(8) ? null : r.GetInt64(8)), cancellationToken);
    }

    /// <summary>The most recent documents of every kind, newest first; with <paramref name="beforeSeq"/>, those older than
    /// it (the next page).</summary>
    public async Task<List<DocumentSummary>> RecentAsync(int limit, long? beforeSeq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command("""
                SELECT document_id, kind, till_seq, COALESCE(number, ''), created_at, total_paise, sync_state, damage IS NOT NULL FROM documents
                WHERE till_seq < @before ORDER BY till_seq DESC LIMIT @limit
                """)
            .With("@limit", limit).With("@before", beforeSeq ?? long.MaxValue)
            .ListAsync(r => new DocumentSummary(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2), r.GetString(3), StoredTime.Parse(r.GetString(4)),
                r.GetInt64(5), r.GetString(6), r.GetBoolean(7)), cancellationToken);
    }

    /// <summary>How many documents the till has made in all.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM documents").ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
