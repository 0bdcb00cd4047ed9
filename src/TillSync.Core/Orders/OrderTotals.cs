using TillSync.Core.Tax;

namespace TillSync.Core.Orders;

/// <summary>Bill totals from lines (docs/money.md): Σ lines, then rounded to the rupee with a round-off.</summary>
public static class OrderTotals
{
    /// <summary>Computes the totals the till prints and HQ checks. Lines must already be in range.</summary>
    public static BillTotals Compute(IReadOnlyList<OrderLine> lines, SupplyKind kind) =>
        BillTotals.Of(lines.Select(line => line.Tax(kind)));

    /// <summary>Intra-state unless the customer's place of supply names another state than the seller's GSTIN.</summary>
    /// <param name="sellerGstin">The store's GSTIN.</param>
    /// <param name="placeOfSupply">The customer's place of supply (a GST state code), or null for the store's own state.</param>
    public static SupplyKind SupplyKindOf(string sellerGstin, string? placeOfSupply) =>
        placeOfSupply is null || placeOfSupply == Gstin.StateCode(sellerGstin) ? SupplyKind.IntraState : SupplyKind.InterState;
}
