using TillSync.Contracts.Sync;
using TillSync.Core;

namespace TillSync.Hq.Sync;

/// <summary>The rules a sync body must meet as a whole (DESIGN §4 envelope rules). A body that breaks one is refused
/// with 400 and nothing of it is stored; per-order problems are answered per order instead.</summary>
public static class SyncEnvelope
{
    /// <summary>What is wrong with the batch as a whole, or null.</summary>
    public static string? Problem(SyncRequest request)
    {
        var orders = request.Orders;
        if (request.Status is { QueueDepth: < 0 })
        {
            return "status.queueDepth must not be negative.";
        }

        if (orders.Count > Limits.SyncOrdersMax)
        {
            return $"The batch has {orders.Count} orders; send at most {Limits.SyncOrdersMax} per request.";
        }

        var ids = new HashSet<Guid>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            // JSON null inside an array passes the serializer's nullable checks, which cover properties only.
            if (order is null)
            {
                return $"orders[{i}] is null; send an order object.";
            }

            if (order.Lines.Any(l => l is null) || order.Payments.Any(p => p is null))
            {
                return $"orders[{i}] has a null line or payment; send objects.";
            }

            if (order.ClientOrderId.Version != 7)
            {
                return $"orders[{i}].clientOrderId {order.ClientOrderId} is not a UUIDv7; a till mints one per sale.";
            }

            if (!ids.Add(order.ClientOrderId))
            {
                return $"orders[{i}].clientOrderId {order.ClientOrderId} appears twice in the batch.";
            }

            if (order.TillSeq < 1)
            {
                return $"orders[{i}].tillSeq is {order.TillSeq}; sequence numbers start at 1.";
            }

            if (i > 0 && order.TillSeq <= orders[i - 1].TillSeq)
            {
                return $"orders[{i}].tillSeq {order.TillSeq} does not follow {orders[i - 1].TillSeq}; send orders in strictly increasing tillSeq.";
            }
        }

        return null;
    }
}
