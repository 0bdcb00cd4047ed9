using TillSync.Core.Money;
using TillSync.Core.Pricing;

namespace TillSync.Core.Returns;

/// <summary>What a return does to the saving each promotion of its sale gave, for the report of how a promotion did
/// (docs/pricing.md, "How each promotion did"; ADR 0025). Two parts, so that a promotion's net saving is what the goods
/// customers kept still earn:
/// <list type="bullet">
/// <item><b>Returned with the goods</b>: each returned line's saving, pro rata to the quantity, as its refund is. Counted
/// on the quantity returned in all (each step the difference of two roundings), so a line returned whole in any number of
/// steps returns its whole saving, never more.</item>
/// <item><b>Taken back</b>: the return's take-back (Σ its lines' <c>takeBackPaise</c>, the money ADR 0023 held back or gave
/// back), shared over the promotions — a take-back in proportion to what each promotion's own terms say the kept goods no
/// longer earn since the step before, a give-back in proportion to what each had taken back before. A sale with one
/// buy-N-get-M or bill-value promotion (the common case) takes it all back under that one.</item>
/// </list>
/// A return that leaves nothing of the sale kept ends each promotion at a net saving of 0: what it returns with the goods
/// is then what is left of the saving after what the returns took back, which absorbs the paise by which the refunds'
/// own pro rata rounding differed from the savings'. Pure; HQ records it when a return is linked to its sale.</summary>
public static class PromotionSavingsBack
{
    /// <summary>A share per promotion of <paramref name="sale"/> that the return touched. <paramref name="terms"/> gives a
    /// promotion's terms; <paramref name="returnedBeforeQty"/> and <paramref name="returningQty"/> are per sold line the
    /// quantity earlier returns and this one took back; <paramref name="takeBackPaise"/> is Σ this return's lines'
    /// take-back; <paramref name="before"/> the earlier returns' shares of each promotion, added up.</summary>
    public static IReadOnlyList<PromotionReturnShare> Of(
        PromotedSale sale, Func<long, Promotion?> terms, IReadOnlyList<decimal> returnedBeforeQty, IReadOnlyList<decimal> returningQty,
        long takeBackPaise, IReadOnlyDictionary<long, PromotionReturnShare> before)
    {
        ArgumentNullException.ThrowIfNull(sale);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(before);
        var lines = sale.Lines;
        Invariant.Assert(returnedBeforeQty.Count == lines.Count && returningQty.Count == lines.Count);
        var ids = sale.Savings.Select(s => s.PromotionId).Distinct().Order().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var returnedQty = new decimal[ids.Count];
        var savingReturnedPaise = new long[ids.Count];
        foreach (var saving in sale.Savings.Where(s => returningQty[s.LineIndex] > 0))
        {
            var (p, i) = (ids.IndexOf(saving.PromotionId), saving.LineIndex);
            var soldQty = lines[i].Qty;
            returnedQty[p] += returningQty[i];
            savingReturnedPaise[p] = checked(savingReturnedPaise[p]
                + ProRata(saving.SavingPaise, Math.Min(returnedBeforeQty[i] + returningQty[i], soldQty), soldQty)
                - ProRata(saving.SavingPaise, Math.Min(returnedBeforeQty[i], soldQty), soldQty));
        }

        var keptBefore = lines.Select((l, i) => Math.Max(0, l.Qty - returnedBeforeQty[i])).ToArray();
        var keptAfter = lines.Select((l, i) => Math.Max(0, l.Qty - returnedBeforeQty[i] - returningQty[i])).ToArray();
        decimal[] weights = takeBackPaise >= 0
            ? [.. ids.Select(id => Math.Max(0, Lost(sale, terms, id, keptAfter) - Lost(sale, terms, id, keptBefore)))]
            : [.. ids.Select(id => (decimal)Math.Max(0, before.GetValueOrDefault(id)?.TakenBackPaise ?? 0))];
        var givenPaise = ids.Select(id => sale.Savings.Where(s => s.PromotionId == id).Aggregate(0L, (sum, s) => checked(sum + s.SavingPaise))).ToArray();
        var takenBackPaise = Apportion(takeBackPaise, weights, [.. givenPaise.Select(g => (decimal)Math.Max(0, g))]);
        if (keptAfter.All(q => q == 0))
        {
            for (var p = 0; p < ids.Count; p++)
            {
                var earlier = before.GetValueOrDefault(ids[p]);
                savingReturnedPaise[p] = checked(givenPaise[p] - (earlier?.SavingReturnedPaise ?? 0) - (earlier?.TakenBackPaise ?? 0) - takenBackPaise[p]);
            }
        }

        return [.. ids.Select((id, p) => new PromotionReturnShare(id, returnedQty[p], savingReturnedPaise[p], takenBackPaise[p]))
            .Where(s => s.ReturnedQty > 0 || s.SavingReturnedPaise != 0 || s.TakenBackPaise != 0)];
    }

    private static long ProRata(long savingPaise, decimal qty, decimal soldQty) => Paise.Round(savingPaise * qty / soldQty);

    // What promotion id's saving on the kept units falls short of its pro rata share of what it gave, on the lines' footing
    // and by the same rules as at the sale (ADR 0023): 0 while the kept units still earn what they were given, and always
    // for a scheduled price, which is in the unit price.
    private static decimal Lost(PromotedSale sale, Func<long, Promotion?> terms, long id, decimal[] kept)
    {
        var lines = sale.Lines;
        var promotion = terms(id);
        if (promotion?.Kind == PromotionKind.BuyGet)
        {
            var members = Enumerable.Range(0, lines.Count).Where(i => lines[i].PromotionId == id).ToList();
            var givesPaise = PromotionPricing.FreePaise(promotion, [.. members.Select(i => (kept[i], lines[i].UnitPricePaise))]).Sum();
            return Math.Max(0, members.Sum(i => lines[i].PromotionPaise * kept[i] / lines[i].Qty) - givesPaise);
        }

        if (promotion?.Kind != PromotionKind.BillValue || id != sale.BillPromotionId)
        {
            return 0;
        }

        var weights = PromotionPricing.BillWeights([.. lines.Select(l => (l.Qty, l.UnitPricePaise, l.PromotionPaise))]);
        if (weights.Any(w => w < 0) || sale.BillPromotionPaise > weights.Sum())
        {
            return 0; // claims that do not add up (HQ flagged the sale): the take-back is shared by what each gave
        }

        var shares = BillDiscount.Spread(sale.BillPromotionPaise, weights);
        var keptFree = KeptFree(sale, terms, kept);
        var keptBasisPaise = PromotionPricing.BillWeights([.. lines.Select((l, i) => (kept[i], l.UnitPricePaise, keptFree[i]))]).Sum();
        return Math.Max(0, Enumerable.Range(0, lines.Count).Sum(i => shares[i] * kept[i] / lines[i].Qty) - promotion.BillOffPaise(keptBasisPaise));
    }

    // The free amount each line's buy-N-get-M gives its kept units: what the kept goods weigh in the bill promotion.
    private static long[] KeptFree(PromotedSale sale, Func<long, Promotion?> terms, decimal[] kept)
    {
        var lines = sale.Lines;
        var free = new long[lines.Count];
        foreach (var group in Enumerable.Range(0, lines.Count).Where(i => lines[i].PromotionId is not null).GroupBy(i => lines[i].PromotionId!.Value))
        {
            if (terms(group.Key) is { Kind: PromotionKind.BuyGet } promotion)
            {
                var members = group.ToList();
                var givesPaise = PromotionPricing.FreePaise(promotion, [.. members.Select(i => (kept[i], lines[i].UnitPricePaise))]);
                for (var m = 0; m < members.Count; m++)
                {
                    free[members[m]] = givesPaise[m];
                }
            }
        }

        return free;
    }

    // amountPaise, of either sign, in proportion to weights — to fallback when they are all 0 (a take-back no promotion's
    // own terms account for, such as a till's figure HQ reads otherwise), and equally when both are — each share rounded
    // towards zero and the paise left over one each to the first promotions of any weight, so that the shares add up.
    private static long[] Apportion(long amountPaise, decimal[] weights, decimal[] fallback)
    {
        var shares = new long[weights.Length];
        if (amountPaise == 0)
        {
            return shares;
        }

        var by = weights.Sum() > 0 ? weights : fallback.Sum() > 0 ? fallback : [.. weights.Select(_ => 1m)];
        var total = by.Sum();
        var size = Math.Abs(amountPaise);
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = (long)decimal.Floor(size * by[i] / total);
        }

        var leftPaise = checked(size - shares.Sum());
        for (var i = 0; leftPaise > 0; i = (i + 1) % shares.Length)
        {
            if (by[i] > 0)
            {
                shares[i]++;
                leftPaise--;
            }
        }

        return amountPaise > 0 ? shares : [.. shares.Select(s => -s)];
    }
}
