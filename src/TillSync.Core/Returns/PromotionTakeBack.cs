using TillSync.Core.Money;
using TillSync.Core.Pricing;
using TillSync.Core.Tax;

namespace TillSync.Core.Returns;

/// <summary>What a return of a promoted sale takes back of what the promotions gave (docs/returns.md, "Promotions";
/// ADR 0023). The customer keeps what they keep at the price it would have cost under the sale's own promotions:
/// after each return, what has been refunded in all comes to what was paid less what the kept units cost — the sale's
/// buy-N-get-M and bill-value promotions applied again to the kept quantities, at the prices billed, with the cashier's
/// own discounts kept pro rata. A step never refunds below zero (a shop does not ask for money back on a return), so
/// the amount is min(what is left to refund, max(0, paid − kept cost − refunded before)), and a return that leaves
/// nothing refunds exactly what is left: a sale returned in whole, in any number of steps, refunds what was paid, never
/// more. The take-back is that amount's difference from the pro rata refund of the lines returned (<see cref="ReturnMath.ForLine"/>),
/// shared over them: a take-back in proportion to their pro rata refunds, a give-back (what earlier steps held back) first to
/// each line up to what it is still short of what it was paid for, any rest in proportion to their list amounts.
/// Pure; the till that records the return and HQ that checks it share it.</summary>
public static class PromotionTakeBack
{
    /// <summary>Each sold line's share of the return's take-back, in paise (negative gives back; 0 on a line the return
    /// leaves, and on every line of a sale that claimed no promotion, or whose promotions are not all known to
    /// <paramref name="promotions"/>, which is then refunded pro rata as any sale).</summary>
    /// <param name="sold">The sale's lines, in bill order.</param>
    /// <param name="billPromotionId">The sale's bill-value promotion, or null.</param>
    /// <param name="billPromotionPaise">What it took off the bill.</param>
    /// <param name="promotions">A promotion by id, as it was when the sale was made, or null when unknown.</param>
    /// <param name="returnedBeforeQty">Per sold line, the quantity earlier returns took back.</param>
    /// <param name="returningQty">Per sold line, the quantity this return takes back (0 for a line it leaves).</param>
    /// <param name="refundedBeforePaise">Per sold line, what earlier returns of the sale refunded for it (their lines'
    /// <see cref="LineTax.TotalPaise"/>, before the credit notes' round-off).</param>
    /// <param name="kind">The sale's supply kind.</param>
    public static long[] Of(
        IReadOnlyList<SoldLine> sold, long? billPromotionId, long billPromotionPaise, Func<long, Promotion?> promotions,
        IReadOnlyList<decimal> returnedBeforeQty, IReadOnlyList<decimal> returningQty, IReadOnlyList<long> refundedBeforePaise, SupplyKind kind)
    {
        ArgumentNullException.ThrowIfNull(sold);
        ArgumentNullException.ThrowIfNull(promotions);
        Invariant.Assert(returnedBeforeQty.Count == sold.Count && returningQty.Count == sold.Count && refundedBeforePaise.Count == sold.Count);
        if (KeptCostPaise(sold, billPromotionId, billPromotionPaise, promotions, returnedBeforeQty, returningQty, kind) is not { } keptPaise)
        {
            return new long[sold.Count];
        }

        var paid = new long[sold.Count];
        var proRata = new long[sold.Count];
        for (var i = 0; i < sold.Count; i++)
        {
            var line = sold[i];
            paid[i] = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind, line.TaxInclusive).TotalPaise;
            proRata[i] = returningQty[i] > 0
                ? ReturnMath.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, returningQty[i], kind, line.TaxInclusive).TotalPaise
                : 0;
        }

        var refundedPaise = Sum(refundedBeforePaise);
        var leftPaise = Math.Max(0, checked(Sum(paid) - refundedPaise));
        var refundPaise = Math.Min(leftPaise, Math.Max(0, checked(Sum(paid) - keptPaise - refundedPaise)));
        var takeBackPaise = checked(Sum(proRata) - refundPaise);
        if (takeBackPaise >= 0)
        {
            return BillDiscount.Spread(takeBackPaise, proRata);
        }

        // A give-back goes first where earlier steps held back: each returned line up to what it is still short of.
        var givePaise = checked(-takeBackPaise);
        var shortPaise = sold.Select((_, i) => returningQty[i] > 0 ? Math.Max(0, checked(paid[i] - refundedBeforePaise[i] - proRata[i])) : 0).ToArray();
        var toShortPaise = Math.Min(givePaise, Sum(shortPaise));
        var shares = BillDiscount.Spread(toShortPaise, shortPaise);
        var rest = Proportional(checked(givePaise - toShortPaise),
            [.. sold.Select((l, i) => returningQty[i] > 0 ? Paise.Round(returningQty[i] * l.UnitPricePaise) : 0)]);
        return [.. shares.Select((s, i) => -checked(s + rest[i]))];
    }

    private static long Sum(IEnumerable<long> paise) => paise.Aggregate(0L, (sum, p) => checked(sum + p));

    // amountPaise in proportion to weights (not all 0 when the amount is above 0), each share rounded down and the paise
    // left one each to the first lines of any weight; unlike BillDiscount.Spread a share may exceed its weight.
    private static long[] Proportional(long amountPaise, IReadOnlyList<long> weights)
    {
        var shares = new long[weights.Count];
        if (amountPaise == 0)
        {
            return shares;
        }

        var totalPaise = Sum(weights);
        Invariant.Assert(totalPaise > 0);
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (long)decimal.Floor(amountPaise * (decimal)weights[i] / totalPaise);
        }

        var leftPaise = checked(amountPaise - Sum(shares));
        for (var i = 0; leftPaise > 0; i = (i + 1) % shares.Length)
        {
            if (weights[i] > 0)
            {
                shares[i]++;
                leftPaise--;
            }
        }

        return shares;
    }

    // What the units kept after this return would cost under the sale's promotions; null when the sale claimed none or
    // names one not known, or its claims do not add up (HQ flags those on the sale; its returns go pro rata).
    private static long? KeptCostPaise(
        IReadOnlyList<SoldLine> sold, long? billPromotionId, long billPromotionPaise, Func<long, Promotion?> promotions,
        IReadOnlyList<decimal> returnedBeforeQty, IReadOnlyList<decimal> returningQty, SupplyKind kind)
    {
        if (billPromotionId is null && sold.All(l => l.PromotionId is null))
        {
            return null;
        }

        var kept = sold.Select((l, i) => Math.Max(0, l.Qty - returnedBeforeQty[i] - returningQty[i])).ToArray();
        var keptFree = new long[sold.Count];
        foreach (var group in Enumerable.Range(0, sold.Count).Where(i => sold[i].PromotionId is not null).GroupBy(i => sold[i].PromotionId!.Value))
        {
            if (promotions(group.Key) is not { } promotion)
            {
                return null;
            }

            if (promotion.Kind == PromotionKind.BuyGet)
            {
                var members = group.ToList();
                var free = PromotionPricing.FreePaise(promotion, [.. members.Select(i => (kept[i], sold[i].UnitPricePaise))]);
                for (var m = 0; m < members.Count; m++)
                {
                    keptFree[members[m]] = free[m];
                }
            }
        }

        var weights = PromotionPricing.BillWeights([.. sold.Select(l => (l.Qty, l.UnitPricePaise, l.PromotionPaise))]);
        var keptWeights = PromotionPricing.BillWeights([.. sold.Select((l, i) => (kept[i], l.UnitPricePaise, keptFree[i]))]);
        if (weights.Any(w => w < 0))
        {
            return null; // a line claims more free than it sold: the sale's claims do not add up
        }

        long[] shares = new long[sold.Count], keptShares = new long[sold.Count];
        if (billPromotionId is { } billId)
        {
            if (promotions(billId) is not { Kind: PromotionKind.BillValue } bill || billPromotionPaise < 0 || billPromotionPaise > weights.Sum())
            {
                return null;
            }

            shares = BillDiscount.Spread(billPromotionPaise, weights);
            keptShares = BillDiscount.Spread(bill.BillOffPaise(keptWeights.Sum()), keptWeights);
        }

        long keptPaise = 0;
        for (var i = 0; i < sold.Count; i++)
        {
            var line = sold[i];
            var cashierPaise = checked(line.DiscountPaise - line.PromotionPaise - shares[i]);
            if (cashierPaise < 0)
            {
                return null;
            }

            if (kept[i] == 0)
            {
                continue;
            }

            var keptCashierPaise = kept[i] == line.Qty ? cashierPaise : (long)decimal.Truncate(cashierPaise * kept[i] / line.Qty);
            var listPaise = Paise.Round(kept[i] * line.UnitPricePaise);
            var discountPaise = Math.Min(listPaise, checked(keptFree[i] + keptShares[i] + keptCashierPaise));
            keptPaise = checked(keptPaise + GstCalculator.ForLine(kept[i], line.UnitPricePaise, discountPaise, line.GstRateBp, kind, line.TaxInclusive).TotalPaise);
        }

        return keptPaise;
    }
}
