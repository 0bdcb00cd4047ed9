using TillSync.Contracts.Sync;

namespace TillSync.Hq.Sync;

/// <summary>The per-order answers that record nothing.</summary>
public static class SyncResults
{
    /// <summary>A conflict: nothing changed; the till keeps the order under "needs attention".</summary>
    public static SyncResult Conflict(OrderDto order, string reason, long? expectedSeq, string detail) =>
        new(order.ClientOrderId, order.TillSeq, SyncStatus.Conflict, order.BillNo, null, false, [], reason, expectedSeq, detail);

    /// <summary>Not looked at; the till resends it later with the same id.</summary>
    public static SyncResult NotProcessed(OrderDto order, string reason, long expectedSeq, string detail) =>
        new(order.ClientOrderId, order.TillSeq, SyncStatus.NotProcessed, order.BillNo, null, false, [], reason, expectedSeq, detail);
}
