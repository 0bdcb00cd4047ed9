using TillSync.Core.Tax;

namespace TillSync.Core.Returns;

/// <summary>The money of a return (docs/returns.md): each returned line refunds the original line's gross, taxable value
/// and each tax pro rata to the quantity returned, rounded toward zero, so that no set of partial returns ever refunds
/// more value or more tax than the line was sold for; returning a line's whole quantity refunds exactly what it was sold
/// for. The till and HQ share these rules, so a till offline computes the refund HQ later checks.</summary>
public static class ReturnMath
{
    /// <summary>The refund of one returned line.</summary>
    /// <param name="originalQty">Quantity sold on the original line, positive.</param>
    /// <param name="unitPricePaise">The original line's unit price before tax.</param>
    /// <param name="originalDiscountPaise">The original line's discount.</param>
    /// <param name="gstRateBp">The original line's GST rate in basis points.</param>
    /// <param name="qty">Quantity returned, above 0 and at most <paramref name="originalQty"/>.</param>
    /// <param name="kind">The original bill's supply kind.</param>
    /// <param name="taxInclusive">Whether the original line's price included GST.</param>
    public static LineTax ForLine(
        decimal originalQty, long unitPricePaise, long originalDiscountPaise, int gstRateBp, decimal qty, SupplyKind kind, bool taxInclusive = false)
    {
        Invariant.Assert(originalQty > 0 && qty > 0 && qty <= originalQty);
        var original = GstCalculator.ForLine(originalQty, unitPricePaise, originalDiscountPaise, gstRateBp, kind, taxInclusive);
        if (qty == originalQty)
        {
            return original;
        }

        return new LineTax(
            Share(original.GrossPaise, qty, originalQty),
            Share(original.TaxablePaise, qty, originalQty),
            Share(original.CgstPaise, qty, originalQty),
            Share(original.SgstPaise, qty, originalQty),
            Share(original.IgstPaise, qty, originalQty));
    }

    /// <summary>The refunds of a return's lines: each line's pro rata refund (<see cref="ForLine"/>) less its share of the
    /// promotion take-back (<see cref="PromotionTakeBack"/>; a negative share gives back), its tax taken out of what is left
    /// (<see cref="Adjusted"/>).</summary>
    /// <param name="lines">The returned lines, each with the original line restated and the quantity returned.</param>
    /// <param name="kind">The original bill's supply kind.</param>
    /// <param name="takeBackPaise">Per line, its share of the take-back, at most its pro rata refund; null or all 0 for a
    /// pro rata return.</param>
    public static IReadOnlyList<LineTax> ForLines(
        IReadOnlyList<(decimal OriginalQty, long UnitPricePaise, long OriginalDiscountPaise, int GstRateBp, decimal Qty, bool TaxInclusive)> lines,
        SupplyKind kind, IReadOnlyList<long>? takeBackPaise = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Invariant.Assert(takeBackPaise is null || takeBackPaise.Count == lines.Count);
        return [.. lines.Select((l, i) => Adjusted(
            ForLine(l.OriginalQty, l.UnitPricePaise, l.OriginalDiscountPaise, l.GstRateBp, l.Qty, kind, l.TaxInclusive), takeBackPaise?[i] ?? 0, l.GstRateBp, kind))];
    }

    /// <summary>A line's refund <paramref name="proRata"/> less <paramref name="sharePaise"/> of a take-back: the tax is
    /// taken out of the new amount as from an inclusive price (docs/money.md), the value before discount kept.</summary>
    public static LineTax Adjusted(LineTax proRata, long sharePaise, int gstRateBp, SupplyKind kind)
    {
        if (sharePaise == 0)
        {
            return proRata;
        }

        var amountPaise = checked(proRata.TotalPaise - sharePaise);
        Invariant.Assert(amountPaise >= 0);
        var split = GstCalculator.ForLine(1, amountPaise, 0, gstRateBp, kind, taxInclusive: true);
        return split with { GrossPaise = Math.Max(proRata.GrossPaise, split.TaxablePaise) };
    }

    /// <summary>Loyalty points of the original sale that follow the returned value: ⌊points × returned ÷ original⌋, so a
    /// customer never loses more than the returned share of points earned, nor gets back more than the returned share of
    /// points burned.</summary>
    /// <param name="points">Points earned (or burned) on the original sale, 0 or more.</param>
    /// <param name="returnedPaise">The return's total, 0 to <paramref name="originalTotalPaise"/>.</param>
    /// <param name="originalTotalPaise">The original sale's total, positive.</param>
    public static long LoyaltyShare(long points, long returnedPaise, long originalTotalPaise)
    {
        Invariant.Assert(points >= 0 && originalTotalPaise > 0 && returnedPaise >= 0);
        return returnedPaise >= originalTotalPaise ? points : (long)((decimal)points * returnedPaise / originalTotalPaise);
    }

    /// <summary>What the burned points a return gives back are worth: the same share of what they paid on the sale (its
    /// <c>loyalty</c> tender), ⌊tender × refunded ÷ burned⌋ — the <c>loyalty</c> refund of the return.</summary>
    /// <param name="burnTenderPaise">The sale's loyalty tender, in paise; 0 when the burn was a discount.</param>
    /// <param name="burnPoints">Points burned on the sale, 0 or more.</param>
    /// <param name="refundedPoints">Points the return gives back, 0 to <paramref name="burnPoints"/>.</param>
    public static long LoyaltyRefundPaise(long burnTenderPaise, long burnPoints, long refundedPoints)
    {
        Invariant.Assert(burnTenderPaise >= 0 && burnPoints >= 0 && refundedPoints >= 0);
        return burnPoints == 0 ? 0 : checked(burnTenderPaise * refundedPoints / burnPoints);
    }

    // Rounded toward zero: amounts of a line are never negative, so this never rounds up.
    private static long Share(long paise, decimal qty, decimal originalQty) => checked((long)decimal.Truncate(paise * qty / originalQty));
}
