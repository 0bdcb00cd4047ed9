using TillSync.Core.Money;

namespace TillSync.Core.Pricing;

/// <summary>Applies the promotions in force to a cart, in one deterministic order (docs/pricing.md, "Promotions"; ADR 0021),
/// so that the till prices offline exactly what HQ recomputes:
/// <list type="number">
/// <item>Each line the cashier did not reprice takes the lowest scheduled price of its product that is below the catalogue
/// price and not above the MRP (the lowest id on a tie).</item>
/// <item>Buy-N-get-M, promotions in id order, over the lines no promotion has priced yet: of the whole units of the
/// promotion's products, M in every N + M are free, the cheapest units first (the first line on a tie). Every line of the
/// promotion's products claims it, free units or not, since each counted towards N.</item>
/// <item>One bill-value discount: of those whose threshold the bill at promotional prices reaches (Σ round(qty × unit
/// price) − the free units), the one taking most off (the lowest id on a tie), spread over the lines in proportion to
/// that amount (<see cref="BillDiscount.Spread"/>).</item>
/// </list>
/// The cashier's discounts come after all of them, on what the promotions leave.</summary>
public static class PromotionPricing
{
    /// <summary><paramref name="lines"/> priced by <paramref name="inForce"/>, the promotions in force at the sale's time
    /// for its store.</summary>
    public static PromotedCart Apply(IReadOnlyList<PromotionInput> lines, IReadOnlyList<Promotion> inForce)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(inForce);
        var unitPrices = lines.Select(l => l.UnitPricePaise).ToArray();
        var ids = new long?[lines.Count];
        var promotionPaise = new long[lines.Count];
        var savingPaise = new long[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var best = line.Overridden ? null : inForce
                .Where(p => p.Kind == PromotionKind.ScheduledPrice && p.Skus.Contains(line.Sku) && p.PricePaise > 0
                    && p.PricePaise < line.UnitPricePaise && (line.MrpPaise is not { } mrp || p.PricePaise <= mrp))
                .OrderBy(p => p.PricePaise).ThenBy(p => p.Id).FirstOrDefault();
            if (best is not null)
            {
                unitPrices[i] = best.PricePaise;
                ids[i] = best.Id;
                savingPaise[i] = checked(Paise.Round(line.Qty * line.UnitPricePaise) - Paise.Round(line.Qty * best.PricePaise));
            }
        }

        foreach (var promotion in inForce.Where(p => p.Kind == PromotionKind.BuyGet).OrderBy(p => p.Id))
        {
            var members = Enumerable.Range(0, lines.Count)
                .Where(i => !lines[i].Overridden && ids[i] is null && promotion.Skus.Contains(lines[i].Sku)).ToList();
            var free = FreePaise(promotion, [.. members.Select(i => (lines[i].Qty, unitPrices[i]))]);
            if (free.Sum() == 0)
            {
                continue;
            }

            for (var m = 0; m < members.Count; m++)
            {
                ids[members[m]] = promotion.Id;
                promotionPaise[members[m]] = savingPaise[members[m]] = free[m];
            }
        }

        var weights = BillWeights(lines.Select((l, i) => (l.Qty, unitPrices[i], promotionPaise[i])).ToList());
        var basisPaise = weights.Aggregate(0L, (sum, w) => checked(sum + w));
        var bill = inForce.Where(p => p.Kind == PromotionKind.BillValue)
            .Select(p => (Promotion: p, OffPaise: p.BillOffPaise(basisPaise)))
            .Where(b => b.OffPaise > 0)
            .OrderByDescending(b => b.OffPaise).ThenBy(b => b.Promotion.Id).FirstOrDefault();
        var shares = BillDiscount.Spread(bill.OffPaise, weights);
        var promoted = lines.Select((_, i) => new PromotedLine(unitPrices[i], ids[i], promotionPaise[i], savingPaise[i], shares[i])).ToList();
        return new PromotedCart(promoted, bill.Promotion?.Id, bill.OffPaise);
    }

    /// <summary>What each line weighs in a bill-value discount: round(qty × unit price) less its line promotion's part of
    /// the discount. Their sum is the bill the threshold is measured against.</summary>
    public static long[] BillWeights(IReadOnlyList<(decimal Qty, long UnitPricePaise, long PromotionPaise)> lines) =>
        [.. lines.Select(l => checked(Paise.Round(l.Qty * l.UnitPricePaise) - l.PromotionPaise))];

    /// <summary>Buy-N-get-M's free amount per line of <paramref name="lines"/> (the lines of its products): of their whole
    /// units, M in every N + M free, the cheapest units first, the first line on a tie.</summary>
    public static long[] FreePaise(Promotion promotion, IReadOnlyList<(decimal Qty, long UnitPricePaise)> lines)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        ArgumentNullException.ThrowIfNull(lines);
        var free = new long[lines.Count];
        if (promotion.BuyQty < 1 || promotion.GetQty < 1)
        {
            return free;
        }

        var units = lines.Select(l => (long)decimal.Floor(l.Qty)).ToArray();
        var freeUnits = checked(units.Sum() / (promotion.BuyQty + promotion.GetQty) * promotion.GetQty);
        foreach (var i in Enumerable.Range(0, lines.Count).OrderBy(i => lines[i].UnitPricePaise).ThenBy(i => i))
        {
            var take = Math.Min(units[i], freeUnits);
            free[i] = checked(take * lines[i].UnitPricePaise);
            freeUnits -= take;
        }

        return free;
    }
}
