// What a till's receipts add up to, for comparing with HQ: quantity sold per SKU (stock must move by exactly this,
// once) and the bill each sale printed.
using TillSync.Till.Receipts;

namespace TillSync.Till.Tests.Harness;

/// <summary>Sums over receipts.</summary>
public static class Sold
{
    /// <summary>Quantity sold per SKU.</summary>
    public static IReadOnlyDictionary<string, decimal> QtyBySku(IEnumerable<Receipt> receipts) =>
        receipts.SelectMany(r => r.Lines)
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Qty), StringComparer.Ordinal);

    /// <summary>Asserts on-hand moved from <paramref name="before"/> by exactly what the receipts sold.</summary>
    public static void AssertStockMovedOnce(
        IReadOnlyDictionary<string, decimal> before, IReadOnlyDictionary<string, decimal> after, IEnumerable<Receipt> receipts)
    {
        var qty = QtyBySku(receipts);
        foreach (var (sku, onHandBefore) in before)
        {
            var expected = onHandBefore - qty.GetValueOrDefault(sku);
            Assert.True(expected == after[sku],
                $"on-hand of {sku}: expected {expected} (before {onHandBefore} − sold {qty.GetValueOrDefault(sku)}), got {after[sku]}");
        }
    }
}
