using System.Globalization;
using TillSync.Core.Money;
using TillSync.Core.Orders;

namespace TillSync.Core.Pricing;

/// <summary>Checks the promotions a sale claims against those in force for it (docs/pricing.md, "Promotions"): each
/// promotion named must be one its till could have applied, and give exactly what the sale took off by it, computed with
/// <see cref="PromotionPricing"/>'s rules from the sale's own lines.</summary>
public static class PromotionClaims
{
    /// <summary>Checks <paramref name="order"/>. <paramref name="honoured"/> gives a promotion in force for the sale (its
    /// store, its time, what its till knew), or null; <paramref name="describe"/> names any promotion id for a sentence.</summary>
    public static PromotionCheck Check(Order order, Func<long, Promotion?> honoured, Func<long, string> describe)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(honoured);
        ArgumentNullException.ThrowIfNull(describe);
        var lines = order.Lines;
        var problems = new List<string>();
        var parts = new long[lines.Count];
        var prices = new long?[lines.Count];
        foreach (var group in Enumerable.Range(0, lines.Count).Where(i => lines[i].PromotionId is not null).GroupBy(i => lines[i].PromotionId!.Value))
        {
            var promotion = honoured(group.Key);
            var numbers = (group.Count() == 1 ? "line " : "lines ") + string.Join(", ", group.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i + 1} ({lines[i].Sku})")));
            if (promotion is null || promotion.Kind == PromotionKind.BillValue || group.Any(i => !promotion.Skus.Contains(lines[i].Sku)))
            {
                problems.Add($"{numbers} claimed {describe(group.Key)}, which was not in force for it");
                continue;
            }

            if (promotion.Kind == PromotionKind.ScheduledPrice)
            {
                foreach (var i in group)
                {
                    if (lines[i].UnitPricePaise != promotion.PricePaise || lines[i].PromotionPaise != 0)
                    {
                        problems.Add($"line {i + 1} ({lines[i].Sku}) was billed ₹{Paise.ToRupeeString(lines[i].UnitPricePaise)} under {describe(group.Key)}, whose price is ₹{Paise.ToRupeeString(promotion.PricePaise)}");
                        continue;
                    }

                    prices[i] = promotion.PricePaise;
                }

                continue;
            }

            var members = group.ToList();
            var free = PromotionPricing.FreePaise(promotion, [.. members.Select(i => (lines[i].Qty, lines[i].UnitPricePaise))]);
            var claimedPaise = members.Sum(i => lines[i].PromotionPaise);
            if (members.Where((i, m) => lines[i].PromotionPaise != free[m]).Any())
            {
                problems.Add($"{numbers} took ₹{Paise.ToRupeeString(claimedPaise)} off under {describe(group.Key)}, which gives ₹{Paise.ToRupeeString(free.Sum())}");
                continue;
            }

            foreach (var i in members)
            {
                parts[i] = lines[i].PromotionPaise;
            }
        }

        CheckBill(order, honoured, describe, problems, parts);
        return new PromotionCheck(problems, parts, prices);
    }

    // The bill promotion: in force, and taking off exactly what it gives the bill at the prices billed less the free units;
    // when it holds, each line's share (spread as the till spread it) is promotion, not markdown.
    private static void CheckBill(Order order, Func<long, Promotion?> honoured, Func<long, string> describe, List<string> problems, long[] parts)
    {
        if (order.BillPromotionId is not { } id)
        {
            return;
        }

        var promotion = honoured(id);
        if (promotion is not { Kind: PromotionKind.BillValue })
        {
            problems.Add($"the bill claimed {describe(id)}, which was not in force for it");
            return;
        }

        var weights = PromotionPricing.BillWeights([.. order.Lines.Select(l => (l.Qty, l.UnitPricePaise, l.PromotionPaise))]);
        var givesPaise = promotion.BillOffPaise(weights.Aggregate(0L, (sum, w) => checked(sum + w)));
        if (givesPaise != order.BillPromotionPaise)
        {
            problems.Add($"the bill took ₹{Paise.ToRupeeString(order.BillPromotionPaise)} off under {describe(id)}, which gives ₹{Paise.ToRupeeString(givesPaise)}");
            return;
        }

        var shares = BillDiscount.Spread(givesPaise, weights);
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = checked(parts[i] + shares[i]);
        }
    }
}
