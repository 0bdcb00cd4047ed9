using TillSync.Contracts.Sync;
using TillSync.Core.Tax;

namespace TillSync.Core.Orders;

/// <summary>Bill totals from lines (DESIGN §3): Σ lines, then rounded to the rupee with a round-off.</summary>
public static class OrderTotals
{
    /// <summary>Computes the totals the till prints and HQ checks. Lines must already be in range.</summary>
    public static OrderTotalsDto Compute(IReadOnlyList<OrderLineDto> lines, SupplyKind kind)
    {
        var totals = BillTotals.Of(lines.Select(line => GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind)));
        return new OrderTotalsDto(totals.TaxablePaise, totals.CgstPaise, totals.SgstPaise, totals.IgstPaise, totals.RoundOffPaise, totals.TotalPaise);
    }

    /// <summary>Intra-state unless the customer's place of supply names another state than the seller's GSTIN.</summary>
    public static SupplyKind SupplyKindOf(string sellerGstin, CustomerDto? customer)
    {
        var placeOfSupply = customer?.PlaceOfSupply;
        return placeOfSupply is null || placeOfSupply == Gstin.StateCode(sellerGstin)
            ? SupplyKind.IntraState
            : SupplyKind.InterState;
    }
}
