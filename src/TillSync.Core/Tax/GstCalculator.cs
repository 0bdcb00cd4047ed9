using TillSync.Core.Money;

namespace TillSync.Core.Tax;

/// <summary>GST on one line per the NIC calculation rules (docs/money.md). Pure; the till and HQ share it.</summary>
public static class GstCalculator
{
    /// <summary>Basis points in 100 %.</summary>
    public const int BasisPointsPerUnit = 10_000;

    /// <summary>Computes gross, taxable value and tax of a line. Callers validate ranges first; an amount that
    /// overflows still throws <see cref="OverflowException"/> rather than wrapping.</summary>
    /// <param name="qty">Quantity, positive, at most 3 fraction digits.</param>
    /// <param name="unitPricePaise">Price per unit before tax.</param>
    /// <param name="discountPaise">Discount on the line, 0 to gross.</param>
    /// <param name="gstRateBp">Rate in basis points (500 = 5 %).</param>
    /// <param name="kind">Intra-state or inter-state supply.</param>
    public static LineTax ForLine(decimal qty, long unitPricePaise, long discountPaise, int gstRateBp, SupplyKind kind)
    {
        var grossPaise = Paise.Round(qty * unitPricePaise);
        var taxablePaise = checked(grossPaise - discountPaise);
        if (kind == SupplyKind.IntraState)
        {
            // Each half is rounded on its own, so CGST = SGST always, as the e-invoice validation expects.
            var halfPaise = Paise.Round((decimal)taxablePaise * gstRateBp / (2 * BasisPointsPerUnit));
            return new LineTax(grossPaise, taxablePaise, halfPaise, halfPaise, 0);
        }

        var igstPaise = Paise.Round((decimal)taxablePaise * gstRateBp / BasisPointsPerUnit);
        return new LineTax(grossPaise, taxablePaise, 0, 0, igstPaise);
    }
}
