using System.Data.Common;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Tills;
using TillSync.Storage;
using TillSync.Till.Storage;
using TillSync.Till.Sync;

namespace TillSync.Till.Updates;

/// <summary>What HQ has told this till about its sales (<c>GET /api/v1/till/updates</c>), kept durably in
/// <c>hq_updates</c>: review items opened on its bills and their resolutions, e-invoice registrations (also kept per
/// sale in <c>sale_irns</c>, which receipts read) and parked e-invoices; loyalty events later. A rejection HQ reports of
/// a document this till took as synced on a relayed statement marks it rejected. The till polls after
/// every successful sync, from the largest cursor it holds; storing an update twice is harmless.</summary>
public sealed class HqUpdates(TillDatabase database, TimeProvider time)
{
    /// <summary>Pages read in one poll; the rest waits for the next sync (every heartbeat at the latest).</summary>
    public const int PagesPerPollMax = 20;

    /// <summary>Reads HQ's new updates and stores them; returns how many were new.</summary>
    public async Task<int> PullAsync(HqClient hq, CancellationToken cancellationToken)
    {
        var stored = 0;
        var after = await CursorAsync(cancellationToken);
        for (var page = 0; page < PagesPerPollMax; page++)
        {
            var updates = await hq.UpdatesAsync(after, cancellationToken);
            stored += await SaveAsync(updates.Updates, cancellationToken);
            if (!updates.More || updates.NextCursor <= after)
            {
                break;
            }

            after = updates.NextCursor;
        }

        return stored;
    }

    /// <summary>Stores updates in one transaction, skipping cursors already held; returns how many were new.</summary>
    public async Task<int> SaveAsync(IReadOnlyList<TillUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await using var insert = connection.Command("""
            INSERT INTO hq_updates (cursor, kind, client_order_id, bill_no, review_id, review_kind, summary, at, received_at)
            VALUES (@cursor, @kind, @order, @bill, @review, @reviewKind, @summary, @at, @received) ON CONFLICT (cursor) DO NOTHING
            """, transaction)
            .With("@cursor", 0L).With("@kind", "").With("@order", "").With("@bill", null).With("@review", null).With("@reviewKind", null).With("@summary", "")
            .With("@at", "").With("@received", StoredTime.Text(time.GetUtcNow()));
        await using var irn = connection.Command("""
            INSERT INTO sale_irns (client_order_id, irn, ack_no, ack_dt, signed_qr, received_at)
            VALUES (@order, @irn, @ackNo, @ackDt, @qr, @received) ON CONFLICT (client_order_id) DO NOTHING
            """, transaction)
            .With("@order", "").With("@irn", "").With("@ackNo", "").With("@ackDt", "").With("@qr", "").With("@received", StoredTime.Text(time.GetUtcNow()));
        // A document HQ rejected that this till marked synced on HQ's statement relayed by a peer (ADR 0020: the statement
        // says HQ holds it, not how HQ took it) is rejected here too once HQ's feed says so; one this till synced itself
        // already carries HQ's own reason.
        await using var rejected = connection.Command("""
            UPDATE documents SET sync_state = 'rejected', sync_reason = @reason, sync_detail = @summary
            WHERE document_id = @order AND sync_state = 'synced'
            """, transaction)
            .With("@order", "").With("@reason", ReviewKinds.RejectedOrder).With("@summary", "");
        var stored = 0;
        foreach (var update in updates)
        {
            insert.Set("@cursor", update.Cursor);
            insert.Set("@kind", update.Kind);
            insert.Set("@order", update.ClientOrderId.ToString("D"));
            insert.Set("@bill", update.BillNo);
            insert.Set("@review", update.ReviewId);
            insert.Set("@reviewKind", update.ReviewKind);
            insert.Set("@summary", update.Summary);
            insert.Set("@at", StoredTime.Text(update.At));
            stored += await insert.ExecuteNonQueryAsync(cancellationToken);
            if (update is { Kind: TillUpdateKinds.ReviewOpened, ReviewKind: ReviewKinds.RejectedOrder })
            {
                rejected.Set("@order", update.ClientOrderId.ToString("D"));
                rejected.Set("@summary", update.Summary);
                await rejected.ExecuteNonQueryAsync(cancellationToken);
            }

            // A registration is final at the IRP, so the first one stored for a sale stands.
            if (update is { Kind: TillUpdateKinds.IrnRegistered, Irn: { } number, AckNo: { } ackNo, AckDt: { } ackDt, SignedQrCode: { } qr })
            {
                irn.Set("@order", update.ClientOrderId.ToString("D"));
                irn.Set("@irn", number);
                irn.Set("@ackNo", ackNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
                irn.Set("@ackDt", ackDt);
                irn.Set("@qr", qr);
                await irn.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>The largest cursor held: where the next poll starts.</summary>
    public async Task<long> CursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt64(await connection.Command("SELECT COALESCE(MAX(cursor), 0) FROM hq_updates").ScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>HQ review items on this till's bills that are still open, newest first.</summary>
    public static Task<List<OpenReview>> OpenReviewsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.Command("""
            SELECT o.review_id, o.client_order_id, o.bill_no, o.summary, o.at FROM hq_updates o
            WHERE o.kind = 'review_opened'
              AND NOT EXISTS (SELECT 1 FROM hq_updates r WHERE r.review_id = o.review_id AND r.kind = 'review_resolved')
            ORDER BY o.cursor DESC LIMIT 200
            """)
            .ListAsync(r => new OpenReview(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.NullableString(2), r.GetString(3), StoredTime.Parse(r.GetString(4))),
                cancellationToken);
}

/// <summary>An HQ review item on one of this till's bills, not yet resolved.</summary>
/// <param name="ReviewId">HQ's id.</param>
/// <param name="ClientOrderId">The sale.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="Summary">HQ's sentence about it.</param>
/// <param name="At">When HQ opened it.</param>
public sealed record OpenReview(long ReviewId, Guid ClientOrderId, string? BillNo, string Summary, DateTimeOffset At);
