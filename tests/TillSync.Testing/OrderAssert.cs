// Compares orders field by field (records holding lists compare lists by reference), so that "the stored order is
// untouched" and "the result repeats the original" are checked on every value, not on object identity.
using TillSync.Contracts.Sync;

namespace TillSync.Testing;

/// <summary>Value comparisons of wire records.</summary>
public static class OrderAssert
{
    /// <summary>Asserts two orders carry the same content: id, seq, bill, time, customer, lines, payments, loyalty, totals.</summary>
    public static void Same(OrderDto expected, OrderDto actual)
    {
        Assert.Equal(expected.ClientOrderId, actual.ClientOrderId);
        Assert.Equal(expected.TillSeq, actual.TillSeq);
        Assert.Equal(expected.BillNo, actual.BillNo);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.Customer, actual.Customer);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.Loyalty, actual.Loyalty);
        Assert.Equal(expected.Totals, actual.Totals);
    }

    /// <summary>Asserts a replayed result repeats the original one: same status semantics, bill, commit time, flags, reason.</summary>
    public static void Replays(SyncResult original, SyncResult replay, SyncStatus expectedStatus)
    {
        Assert.Equal(original.ClientOrderId, replay.ClientOrderId);
        Assert.Equal(expectedStatus, replay.Status);
        Assert.True(replay.Replayed, $"{replay.ClientOrderId} should be marked replayed");
        Assert.Equal(original.BillNo, replay.BillNo);
        Assert.Equal(original.CommittedAt, replay.CommittedAt);
        Assert.Equal(original.Flags, replay.Flags);
        Assert.Equal(original.Reason, replay.Reason);
    }

    /// <summary>Quantity sold per SKU by the given orders.</summary>
    public static IReadOnlyDictionary<string, decimal> QtyBySku(IEnumerable<OrderDto> orders) =>
        orders.SelectMany(o => o.Lines)
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Qty), StringComparer.Ordinal);

    /// <summary>Asserts on-hand moved from <paramref name="before"/> by exactly the quantities the orders sold.</summary>
    public static void StockMovedBy(
        IReadOnlyDictionary<string, decimal> before, IReadOnlyDictionary<string, decimal> after, IEnumerable<OrderDto> sold)
    {
        var qty = QtyBySku(sold);
        foreach (var (sku, onHandBefore) in before)
        {
            var expected = onHandBefore - qty.GetValueOrDefault(sku);
            Assert.True(expected == after[sku], $"on-hand of {sku}: expected {expected} (before {onHandBefore} − sold {qty.GetValueOrDefault(sku)}), got {after[sku]}");
        }
    }
}
