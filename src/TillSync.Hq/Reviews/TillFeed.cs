using System.Data.Common;
using TillSync.Contracts.Tills;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>The per-till feed behind <c>GET /api/v1/till/updates</c>: rows of <c>till_updates</c>, written in the
/// transaction of the event they report. Every writer holds the till's row lock (a sync batch already does; a
/// resolution takes it), so within one till cursors commit in increasing order and a till reading "after N" can never
/// skip a row that commits later.</summary>
public static class TillFeed
{
    /// <summary>Collects feed rows for a multi-row insert.</summary>
    public static BulkInsert NewRows(int parametersPerStatement) =>
        new("till_updates", ["store_id", "till_id", "kind", "review_id", "client_order_id", "bill_no", "summary", "at"], parametersPerStatement);

    /// <summary>Takes the till's row lock (<paramref name="lockRowSql"/>, <see cref="Storage.HqDatabase.LockRowSql"/>) in
    /// <paramref name="transaction"/>: a writer outside a sync batch must hold it before it adds the till's feed rows.</summary>
    public static Task LockTillAsync(DbConnection connection, DbTransaction transaction, long tillId, string lockRowSql, CancellationToken cancellationToken) =>
        connection.Command($"SELECT t.till_id FROM tills t WHERE t.till_id = @till{lockRowSql}", transaction)
            .With("@till", tillId).ScalarAsync(cancellationToken);

    /// <summary>Up to <paramref name="limit"/> updates of one till after <paramref name="after"/>, oldest first, plus one
    /// more when there are more. An <c>irn_registered</c> row carries the registration as <c>einvoices</c> holds it
    /// (registered is final, so the join reads what was written with the row).</summary>
    public static Task<List<TillUpdate>> ReadAsync(DbConnection connection, long tillId, long after, int limit, CancellationToken cancellationToken) =>
        connection.Command("""
            SELECT u.update_id, u.kind, u.client_order_id, u.bill_no, u.review_id, r.kind, u.summary, u.at, e.irn, e.ack_no, e.ack_dt, e.signed_qr
            FROM till_updates u LEFT JOIN review_items r ON r.review_id = u.review_id
              LEFT JOIN einvoices e ON u.kind = 'irn_registered' AND e.client_order_id = u.client_order_id
            WHERE u.till_id = @till AND u.update_id > @after ORDER BY u.update_id LIMIT @limit
            """)
            .With("@till", tillId).With("@after", after).With("@limit", limit + 1)
            .ListAsync(r => new TillUpdate(r.GetInt64(0), r.GetString(1), Guid.Parse(r.GetString(2)), r.NullableString(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.NullableString(5), r.GetString(6), StoredTime.Parse(r.GetString(7)),
                r.NullableString(8), r.IsDBNull(9) ? null : r.GetInt64(9), r.NullableString(10), r.NullableString(11)), cancellationToken);
}
