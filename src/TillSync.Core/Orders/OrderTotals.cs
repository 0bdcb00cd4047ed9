using TillSync.Contracts.Sync;
using TillSync.Core.Money;
using TillSync.Core.Tax;

namespace TillSync.Core.Orders;

/// <summary>Bill totals from lines (DESIGN §3): Σ lines, then rounded to the rupee with a round-off.</summary>
public static class OrderTotals
{
    /// <summary>Computes the totals the till prints and HQ checks. Lines must already be in range.</summary>
    public static OrderTotalsDto Compute(IReadOnlyList<OrderLineDto> lines, SupplyKind kind)
    {
        long taxablePaise = 0, cgstPaise = 0, sgstPaise = 0, igstPaise = 0;
        foreach (var line in lines)
        {
            var tax = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind);
            taxablePaise = checked(taxablePaise + tax.TaxablePaise);
            cgstPaise = checked(cgstPaise + tax.CgstPaise);
            sgstPaise = checked(sgstPaise + tax.SgstPaise);
            igstPaise = checked(igstPaise + tax.IgstPaise);
        }

        var exactPaise = checked(taxablePaise + cgstPaise + sgstPaise + igstPaise);
        var totalPaise = Paise.RoundToRupee(exactPaise);
        var roundOffPaise = totalPaise - exactPaise;
        Invariant.Assert(Math.Abs(roundOffPaise) < Paise.PerRupee);
        return new OrderTotalsDto(taxablePaise, cgstPaise, sgstPaise, igstPaise, roundOffPaise, totalPaise);
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
