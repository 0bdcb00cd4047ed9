using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Storage;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;
using TillSync.Till.Web;

namespace TillSync.Till.Outbox;

/// <summary>The queue of sales waiting for HQ, oldest first, and what HQ answered about each. Queries read only the
/// rows they need, so memory stays flat however long the till was offline.</summary>
public sealed class SalesOutbox(TillDatabase database)
{
    /// <summary>The oldest pending sales as stored JSON, at most <see cref="Limits.SyncOrdersMax"/> and within the sync
    /// body limit; when none is pending, the oldest conflicts (they stay queued, DESIGN §5, but must never hold back a
    /// newer sale: HQ's sequence is already past them).</summary>
    public async Task<List<QueuedSale>> NextBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await OldestAsync(connection, SyncStates.Pending, cancellationToken);
        if (rows.Count == 0)
        {
            rows = await OldestAsync(connection, SyncStates.Conflict, cancellationToken);
        }

        var batch = new List<QueuedSale>(rows.Count);
        var bytes = 64; // the envelope around the orders
        foreach (var row in rows)
        {
            bytes += row.OrderJson.Length + 1;
            if (bytes > Limits.SyncBodyBytesMax && batch.Count > 0)
            {
                break;
            }

            batch.Add(row);
        }

        return batch;
    }

    private static Task<List<QueuedSale>> OldestAsync(DbConnection connection, string state, CancellationToken cancellationToken) =>
        connection.Command("SELECT till_seq, client_order_id, order_json FROM sales WHERE sync_state = @state ORDER BY till_seq LIMIT @max")
            .With("@state", state).With("@max", Limits.SyncOrdersMax)
            .ListAsync(r => new QueuedSale(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2)), cancellationToken);

    /// <summary>Records HQ's answers in one transaction. Only <c>created</c>, <c>duplicate</c> and <c>rejected</c> take a
    /// sale out of the queue; a <c>conflict</c> stays queued and shows under "needs attention"; <c>not_processed</c>
    /// changes nothing. HQ's <paramref name="hqNextSeq"/> says it holds this till's sales 1 … nextSeq − 1; a sale at or
    /// above it that the till thinks HQ answered (synced, rejected or conflict) means HQ lost it (a restored database):
    /// it is queued again as pending, and HQ answers <c>duplicate</c> for any it still has.</summary>
    public async Task<AppliedResults> ApplyAsync(IReadOnlyList<SyncResult> results, long hqNextSeq, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await using var update = connection.Command(
            "UPDATE sales SET sync_state = @state, sync_reason = @reason, sync_detail = @detail, synced_at = @at WHERE client_order_id = @id", transaction)
            .With("@state", "").With("@reason", null).With("@detail", null).With("@at", StoredTime.Text(now)).With("@id", "");
        int synced = 0, rejected = 0, conflicts = 0, notProcessed = 0;
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
                continue;
            }

            synced += state == SyncStates.Synced ? 1 : 0;
            rejected += state == SyncStates.Rejected ? 1 : 0;
            conflicts += state == SyncStates.Conflict ? 1 : 0;
            update.Set("@state", state);
            update.Set("@reason", result.Reason);
            update.Set("@detail", result.Detail);
            update.Set("@id", result.ClientOrderId.ToString("D"));
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var requeued = await connection.Command(
                "UPDATE sales SET sync_state = 'pending' WHERE till_seq >= @next AND sync_state IN ('synced', 'rejected', 'conflict')", transaction)
            .With("@next", hqNextSeq).ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AppliedResults(synced, rejected, conflicts, notProcessed, requeued);
    }

    /// <summary>The queue's depth and age, and how many sales need attention.</summary>
    public async Task<QueueState> StateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.Command($$"""
            SELECT (SELECT COUNT(*) FROM sales WHERE sync_state IN ('pending', 'conflict')),
                   (SELECT MIN(created_at) FROM sales WHERE sync_state IN ('pending', 'conflict')),
                   (SELECT COUNT(*) FROM ({{AttentionSql}}))
            """).FirstOrDefaultAsync(r => new QueueState(
                r.GetInt32(0), r.IsDBNull(1) ? null : StoredTime.Parse(r.GetString(1)), r.GetInt32(2)), cancellationToken))!;
    }

    // What needs the cashier's attention: sales HQ rejected or refused as conflicts — unless a manager has resolved
    // HQ's review item on them and none is open — then HQ's other open review items on this till's bills (a stock
    // shortfall on a synced sale), which the till learns from HQ's updates feed (Updates/HqUpdates).
    private const string AttentionSql = """
        SELECT 0 AS grp, s.till_seq AS position, s.client_order_id, s.bill_no, s.till_seq, s.sync_state AS status, s.sync_reason AS reason,
               s.sync_detail AS detail, COALESCE(s.synced_at, s.created_at) AS at,
               (SELECT MAX(o.review_id) FROM hq_updates o WHERE o.client_order_id = s.client_order_id AND o.kind = 'review_opened') AS review_id
        FROM sales s
        WHERE s.sync_state IN ('rejected', 'conflict')
          AND NOT (EXISTS (SELECT 1 FROM hq_updates r WHERE r.client_order_id = s.client_order_id AND r.kind = 'review_resolved')
                   AND NOT EXISTS (SELECT 1 FROM hq_updates o WHERE o.client_order_id = s.client_order_id AND o.kind = 'review_opened'
                       AND NOT EXISTS (SELECT 1 FROM hq_updates r2 WHERE r2.review_id = o.review_id AND r2.kind = 'review_resolved')))
        UNION ALL
        SELECT 1, o.cursor, o.client_order_id, COALESCE(o.bill_no, s.bill_no, ''), COALESCE(s.till_seq, 0), 'review', o.review_kind,
               o.summary, o.at, o.review_id
        FROM hq_updates o LEFT JOIN sales s ON s.client_order_id = o.client_order_id
        WHERE o.kind = 'review_opened'
          AND NOT EXISTS (SELECT 1 FROM hq_updates r WHERE r.review_id = o.review_id AND r.kind = 'review_resolved')
          AND (s.sync_state IS NULL OR s.sync_state NOT IN ('rejected', 'conflict'))
        """;

    /// <summary>Rejected and conflicting sales (newest first), then HQ's open review items on this till's bills.</summary>
    public async Task<List<AttentionItem>> AttentionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command($$"""
            SELECT client_order_id, bill_no, till_seq, status, reason, detail, at, review_id
            FROM ({{AttentionSql}}) ORDER BY grp, position DESC LIMIT 200
            """).ListAsync(r => new AttentionItem(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2), r.GetString(3),
                r.NullableString(4), r.NullableString(5), StoredTime.Parse(r.GetString(6)), r.IsDBNull(7) ? null : r.GetInt64(7)), cancellationToken);
    }

    /// <summary>The most recent sales, newest first; with <paramref name="beforeSeq"/>, those older than it (the next page).</summary>
    public async Task<List<SaleSummary>> RecentAsync(int limit, long? beforeSeq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command("""
                SELECT client_order_id, till_seq, bill_no, created_at, total_paise, sync_state FROM sales
                WHERE till_seq < @before ORDER BY till_seq DESC LIMIT @limit
                """)
            .With("@limit", limit).With("@before", beforeSeq ?? long.MaxValue)
            .ListAsync(r => new SaleSummary(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetString(2), StoredTime.Parse(r.GetString(3)),
                r.GetInt64(4), r.GetString(5)), cancellationToken);
    }

    /// <summary>The stored receipt of a sale with its current sync state, or null.</summary>
    public async Task<Receipt?> ReceiptAsync(Guid clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.Command("""
            SELECT s.receipt_json, s.sync_state, i.irn, i.ack_no, i.ack_dt, i.signed_qr,
              EXISTS (SELECT 1 FROM hq_updates u WHERE u.client_order_id = s.client_order_id AND u.kind = 'einvoice_failed')
            FROM sales s LEFT JOIN sale_irns i ON i.client_order_id = s.client_order_id WHERE s.client_order_id = @id
            """)
            .With("@id", clientOrderId.ToString("D"))
            .FirstOrDefaultAsync(r => (Json: r.GetString(0), State: r.GetString(1),
                Registered: r.IsDBNull(2) ? null : new IrnInfo(IrnStatuses.Registered, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5)),
                Parked: r.GetInt64(6) == 1), cancellationToken);
        if (row.Json is null)
        {
            return null;
        }

        // The stored receipt says what was printed ("pending" for B2B); what HQ reported since is laid over it.
        var receipt = JsonSerializer.Deserialize(row.Json, TillJsonContext.Default.Receipt)! with { SyncState = row.State };
        return receipt.Irn.Status == IrnStatuses.NotApplicable ? receipt
            : row.Registered is { } registered ? receipt with { Irn = registered }
            : row.Parked ? receipt with { Irn = new IrnInfo(IrnStatuses.NeedsAttention) }
            : receipt;
    }

    /// <summary>How many sales the till has recorded in all.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM sales").ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}

/// <summary>A queued sale: its number, id and the exact JSON to send.</summary>
public sealed record QueuedSale(long TillSeq, Guid ClientOrderId, string OrderJson);

/// <summary>What one sync's answers did to the queue.</summary>
public sealed record AppliedResults(int Synced, int Rejected, int Conflicts, int NotProcessed, int Requeued);

/// <summary>The queue at a glance.</summary>
public sealed record QueueState(int QueueDepth, DateTimeOffset? OldestUnsyncedAt, int AttentionCount);

/// <summary>A sale HQ rejected or refused as a conflict (<c>Status</c> <c>rejected</c> or <c>conflict</c>), or one with an open
/// HQ review item (<c>Status</c> <c>review</c>, <c>Reason</c> the item's kind, e.g. <c>stock_short</c>).</summary>
public sealed record AttentionItem(
    Guid ClientOrderId, string BillNo, long TillSeq, string Status, string? Reason, string? Detail, DateTimeOffset At, long? ReviewId = null);

/// <summary>A line of the recent-sales list.</summary>
public sealed record SaleSummary(Guid ClientOrderId, long TillSeq, string BillNo, DateTimeOffset CreatedAt, long TotalPaise, string SyncState);
