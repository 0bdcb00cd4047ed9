using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Hq.Orders;
using TillSync.Storage;

namespace TillSync.Hq.Sync;

/// <summary>What HQ recorded for an id it has seen: enough to answer a replay exactly as the first time.</summary>
public sealed record KnownOrder(
    Guid ClientOrderId, long TillId, string Fingerprint, bool Committed, string BillNo, DateTimeOffset CommittedAt,
    IReadOnlyList<string> Flags, string? Reason, string? Detail)
{
    /// <summary>The recorded results of those of <paramref name="ids"/> HQ has seen.</summary>
    public static async Task<Dictionary<Guid, KnownOrder>> FindAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, KnownOrder>();
        if (ids.Count == 0)
        {
            return found;
        }

        var rows = await connection.ListWhereInAsync(transaction,
            "SELECT client_order_id, till_id, fingerprint, status, bill_no, committed_at, flags, reason, detail FROM orders WHERE client_order_id IN ({list})",
            ids.Select(id => (object)id.ToString("D")), [], Read, cancellationToken);
        foreach (var known in rows)
        {
            found[known.ClientOrderId] = known;
        }

        return found;
    }

    /// <summary>The answer to an order with this id from <paramref name="tillId"/> with <paramref name="fingerprint"/>
    /// (DESIGN §4 rule 1). It never reveals another till's order.</summary>
    public SyncResult Answer(OrderDto order, long tillId, string fingerprint)
    {
        if (TillId != tillId)
        {
            return SyncResults.Conflict(order, SyncReasons.OwnerMismatch, null,
                "this clientOrderId was recorded for another till; a till can only sync its own sales");
        }

        if (Fingerprint != fingerprint)
        {
            return SyncResults.Conflict(order, SyncReasons.PayloadMismatch, null,
                $"this clientOrderId was recorded with different content (bill {BillNo}); a sale is never changed after it is saved");
        }

        return Committed
            ? new SyncResult(order.ClientOrderId, order.TillSeq, SyncStatus.Duplicate, BillNo, CommittedAt, true, Flags, null, null, null)
            : new SyncResult(order.ClientOrderId, order.TillSeq, SyncStatus.Rejected, BillNo, CommittedAt, true, [], Reason, null, Detail);
    }

    private static KnownOrder Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3) == OrderStatuses.Committed,
        r.GetString(4),
        StoredTime.Parse(r.GetString(5)),
        OrderStatuses.ParseFlags(r.GetString(6)),
        r.NullableString(7),
        r.NullableString(8));
}
