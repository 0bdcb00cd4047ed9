using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Hq.Sync;
using TillSync.Storage;
using TillSync.Hq.Orders;

namespace TillSync.Hq.Reviews;

/// <summary>Opens one <c>sync_conflict</c> review item per (till, clientOrderId, reason) in the sync transaction. A till
/// resends a conflicting sale on every heartbeat; the item is opened the first time only (a unique index backs this up),
/// and HQ's answer to the till is unchanged. This refines DESIGN §4 rule 1 ("none of these changes anything"): the
/// order, stock and sequence are untouched; only the manager's to-do list and the till's feed learn of it.</summary>
public static class SyncConflicts
{
    /// <summary>Opens the items not yet open for <paramref name="conflicts"/>.</summary>
    public static async Task OpenAsync(
        DbConnection connection, DbTransaction transaction, TillState till, IReadOnlyList<(OrderDto Order, SyncResult Result)> conflicts,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (conflicts.Count == 0)
        {
            return;
        }

        var seen = (await connection.ListWhereInAsync(transaction,
                "SELECT client_order_id, reason FROM review_items WHERE kind = 'sync_conflict' AND till_id = @till AND client_order_id IN ({list})",
                conflicts.Select(c => (object)c.Order.ClientOrderId.ToString("D")).Distinct(), [("@till", till.TillId)],
                r => (r.GetString(0), r.GetString(1)), cancellationToken))
            .ToHashSet();
        var feed = TillFeed.NewRows(BulkInsert.ParametersPerStatementDefault);
        foreach (var (order, result) in conflicts)
        {
            var id = order.ClientOrderId.ToString("D");
            if (!seen.Add((id, result.Reason!)))
            {
                continue;
            }

            // The resend is the till's, not HQ's record: stored bounded like a rejected order.
            var billNo = RefusedOrder.Clip(order.BillNo, RefusedOrder.TextLengthMax);
            var detail = RefusedOrder.Clip(string.Create(CultureInfo.InvariantCulture, $"Bill {billNo} (tillSeq {order.TillSeq}) conflicts: {result.Detail}."),
                RefusedOrder.DetailLengthMax);
            var reviewId = Convert.ToInt64(await connection.Command("""
                INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, reason, detail, created_at)
                VALUES ('sync_conflict', 'open', @store, @till, @order, @bill, @reason, @detail, @at) RETURNING review_id
                """, transaction)
                .With("@store", till.StoreId).With("@till", till.TillId).With("@order", id).With("@bill", billNo)
                .With("@reason", result.Reason).With("@detail", detail).With("@at", StoredTime.Text(now))
                .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            feed.Add(till.StoreId, till.TillId, TillUpdateKinds.ReviewOpened, reviewId, id, billNo, detail, StoredTime.Text(now));
        }

        await feed.FlushAsync(connection, transaction, cancellationToken);
    }
}
