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
    /// <param name="unitPricePaise">Price per unit: before tax, or including it when <paramref name="taxInclusive"/>.</param>
    /// <param name="discountPaise">Discount on the line, 0 to qty × unit price, on the same footing as the price.</param>
    /// <param name="gstRateBp">Rate in basis points (500 = 5 %).</param>
    /// <param name="kind">Intra-state or inter-state supply.</param>
    /// <param name="taxInclusive">True when the price and discount include GST (a shop's MRP-style price); the line
    /// then comes to exactly qty × price − discount, tax included (<see cref="ForInclusiveLine"/>).</param>
    public static LineTax ForLine(
        decimal qty, long unitPricePaise, long discountPaise, int gstRateBp, SupplyKind kind, bool taxInclusive = false)
    {
        if (taxInclusive)
        {
            return ForInclusiveLine(qty, unitPricePaise, discountPaise, gstRateBp, kind);
        }

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

    /// <summary>What one unit costs the customer with tax: the price itself when <paramref name="taxInclusive"/>, else the
    /// price plus GST rounded to the paisa. This is what the MRP limits.</summary>
    public static long UnitPriceWithTaxPaise(long unitPricePaise, int gstRateBp, bool taxInclusive) =>
        taxInclusive ? unitPricePaise : Paise.Round((decimal)unitPricePaise * (BasisPointsPerUnit + gstRateBp) / BasisPointsPerUnit);

    // The shelf rule of docs/money.md: the customer pays the inclusive amount to the paisa, so the tax is taken out of it
    // (each half on its own, so CGST = SGST) and the taxable value is what remains — never rounded on its own, which
    // could make taxable + tax differ from the shelf by a paisa. The discount is restated before tax only for the
    // e-invoice's TotAmt and Discount, so that gross − discount = taxable there as well.
    private static LineTax ForInclusiveLine(decimal qty, long unitPricePaise, long discountPaise, int gstRateBp, SupplyKind kind)
    {
        var inclusivePaise = checked(Paise.Round(qty * unitPricePaise) - discountPaise);
        var grossUpBp = BasisPointsPerUnit + gstRateBp;
        long cgstPaise = 0, sgstPaise = 0, igstPaise = 0;
        if (kind == SupplyKind.IntraState)
        {
            cgstPaise = sgstPaise = Paise.Round((decimal)inclusivePaise * gstRateBp / (2 * grossUpBp));
        }
        else
        {
            igstPaise = Paise.Round((decimal)inclusivePaise * gstRateBp / grossUpBp);
        }

        var taxablePaise = checked(inclusivePaise - cgstPaise - sgstPaise - igstPaise);
        var discountBeforeTaxPaise = Paise.Round((decimal)discountPaise * BasisPointsPerUnit / grossUpBp);
        return new LineTax(checked(taxablePaise + discountBeforeTaxPaise), taxablePaise, cgstPaise, sgstPaise, igstPaise);
    }
}
