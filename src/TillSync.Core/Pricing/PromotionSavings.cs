using TillSync.Core.Orders;
using TillSync.Core.Tax;

namespace TillSync.Core.Pricing;

/// <summary>What each promotion a sale claims did on each of its lines, for the report of how a promotion did
/// (docs/pricing.md, "How each promotion did"; ADR 0025). The figures are the claims as the till made them — HQ's judgement of
/// a claim (<see cref="PromotionClaims"/>) is the review item's business, not this count's — and each saving is money the
/// customer did not pay, GST included, so that it is measured as the refunds of the sale's returns are.</summary>
public static class PromotionSavings
{
    /// <summary>A row per line and promotion of <paramref name="order"/> (a supply of <paramref name="kind"/>): each line
    /// claiming a line promotion, and every line once more for the bill promotion. <paramref name="terms"/> gives a
    /// promotion's terms, or null for one HQ does not hold (left out: there is nothing to report it under);
    /// <paramref name="listPricePaise"/> the catalogue price the till knew for a line (by its index), on the line's footing,
    /// or null when HQ does not know it (a scheduled price then saved nothing it can count).</summary>
    public static IReadOnlyList<PromotionLineSaving> Of(Order order, SupplyKind kind, Func<long, Promotion?> terms, Func<int, long?> listPricePaise)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(listPricePaise);
        var lines = order.Lines;
        var savings = new List<PromotionLineSaving>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].PromotionId is { } id && terms(id) is { } promotion)
            {
                savings.Add(LineSaving(i, lines[i], promotion, kind, listPricePaise(i)));
            }
        }

        if (order.BillPromotionId is not { } billId || terms(billId) is null)
        {
            return savings;
        }

        // Spread as the till spread it (BillDiscount over the lines at promotional prices). A claim above that bill is
        // not one a till makes; it is spread up to the bill, and its price_deviation item names the rest.
        var weights = PromotionPricing.BillWeights([.. lines.Select(l => (l.Qty, l.UnitPricePaise, l.PromotionPaise))]).Select(w => Math.Max(0, w)).ToArray();
        var shares = BillDiscount.Spread(Math.Min(order.BillPromotionPaise, weights.Aggregate(0L, (sum, w) => checked(sum + w))), weights);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            savings.Add(new PromotionLineSaving(i, billId, PromotionPart.Bill, line.Qty, 0,
                Difference(line with { DiscountPaise = Math.Max(0, checked(line.DiscountPaise - shares[i])) }, line, kind)));
        }

        return savings;
    }

    // A scheduled price saves the catalogue price's line less the line billed; buy-N-get-M the free units in its discount.
    private static PromotionLineSaving LineSaving(int index, OrderLine line, Promotion promotion, SupplyKind kind, long? listPricePaise)
    {
        if (promotion.Kind == PromotionKind.ScheduledPrice)
        {
            var savingPaise = listPricePaise is { } list && list > line.UnitPricePaise ? Difference(line with { UnitPricePaise = list }, line, kind) : 0;
            return new PromotionLineSaving(index, promotion.Id, PromotionPart.Line, line.Qty, 0, savingPaise);
        }

        // Free units are whole units at the line's price (PromotionPricing.FreePaise), so the division is exact.
        var freeQty = line.UnitPricePaise > 0 ? line.PromotionPaise / line.UnitPricePaise : 0;
        return new PromotionLineSaving(index, promotion.Id, PromotionPart.Line, line.Qty, freeQty,
            Difference(line with { DiscountPaise = checked(line.DiscountPaise - line.PromotionPaise) }, line, kind));
    }

    private static long Difference(OrderLine without, OrderLine billed, SupplyKind kind) =>
        checked(without.Tax(kind).TotalPaise - billed.Tax(kind).TotalPaise);
}
