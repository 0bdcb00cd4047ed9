using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core;
using TillSync.Core.Money;
using TillSync.Core.Orders;
using TillSync.Core.Pricing;
using TillSync.Core.Tax;
using TillSync.Till.Catalog;
using TillSync.Till.Receipts;

namespace TillSync.Till.Sales;

/// <summary>Prices a cart from the catalogue with <see cref="GstCalculator"/> and <see cref="OrderTotals"/> — the same code
/// HQ uses to check the bill, so the till never prints a total HQ would reject.</summary>
public static class QuoteBuilder
{
    /// <summary>The customer as typed, cleaned: blanks dropped, spaces trimmed, the GSTIN upper-cased; null when nothing
    /// is left. Quotes and sales both price and check the cleaned customer, so they always agree.</summary>
    public static CustomerDto? Clean(CustomerDto? customer)
    {
        if (customer is null)
        {
            return null;
        }

        static string? Trimmed(string? value, bool upper = false) =>
            string.IsNullOrWhiteSpace(value) ? null : upper ? value.Trim().ToUpperInvariant() : value.Trim();

        var cleaned = new CustomerDto(Trimmed(customer.Phone), Trimmed(customer.Gstin, upper: true), Trimmed(customer.Name), Trimmed(customer.PlaceOfSupply),
            Trimmed(customer.Address1), Trimmed(customer.Location), customer.Pin);
        return cleaned is { Phone: null, Gstin: null, Name: null, PlaceOfSupply: null, Address1: null, Location: null, Pin: null } ? null : cleaned;
    }

    /// <summary>The priced cart and the order lines to send, or a sentence for the cashier. Pass a customer through
    /// <see cref="Clean"/> first. A line's <c>UnitPricePaise</c> overrides the catalogue's price; <paramref name="billDiscountPaise"/>
    /// is spread over the lines' discounts (<see cref="BillDiscount"/>); the quote's markdowns measure each line against the
    /// catalogue price, for the role limits (<see cref="MarkdownLimits"/>). The snapshot's promotions in force at
    /// <paramref name="pricedAt"/> (the sale's time by the till's clock) price the cart before the cashier's discounts
    /// (<see cref="PromotionPricing"/>).</summary>
    public static async Task<(Quote? Quote, IReadOnlyList<OrderLineDto>? Lines, string? Problem)> BuildAsync(
        ProductLookup products, DbTransaction? transaction, TillSnapshot snapshot, IReadOnlyList<CartLine> cart, CustomerDto? customer,
        DateTimeOffset pricedAt, CancellationToken cancellationToken, long billDiscountPaise = 0)
    {
        if (cart.Count == 0)
        {
            return (null, null, "The cart is empty.");
        }

        if (cart.Count > Limits.OrderLinesMax)
        {
            return (null, null, $"A bill can have at most {Limits.OrderLinesMax} lines.");
        }

        // The customer is checked before any payment is taken, by the same rule HQ applies (its GSTIN rule included).
        if (OrderRules.CheckCustomer(SaleMapping.ToCore(customer), GstinRules.Parse(snapshot.GstinRule)) is { } customerProblem)
        {
            return (null, null, customerProblem.Detail[..1].ToUpperInvariant() + customerProblem.Detail[1..] + ".");
        }

        if (BuyerAddress.Problem(customer) is { } addressProblem)
        {
            return (null, null, addressProblem);
        }

        var kind = OrderTotals.SupplyKindOf(snapshot.Store.Details.Gstin, customer?.PlaceOfSupply);
        var found = await products.FindAllAsync(transaction, cart.Select(l => l?.Sku ?? ""), cancellationToken);
        var resolved = new List<(CartLine Line, SnapshotProduct Product)>(cart.Count);
        for (var i = 0; i < cart.Count; i++)
        {
            var line = cart[i];
            if (line is null)
            {
                return (null, null, $"Line {i + 1} is empty.");
            }

            if (!found.TryGetValue((line.Sku ?? "").Trim(), out var product))
            {
                return (null, null, $"Line {i + 1}: no product with SKU or barcode '{line.Sku}'.");
            }

            if (LineProblem(line, product, i + 1) is { } problem)
            {
                return (null, null, problem);
            }

            resolved.Add((line, product));
        }

        // The promotions in force at the sale's time price the cart first; an override bills the cashier's price instead of
        // the catalogue's and takes no line promotion (docs/pricing.md, "Promotions").
        var promoted = PromotionPricing.Apply(
            [.. resolved.Select(r => new PromotionInput(r.Product.Sku, r.Line.Qty, r.Line.UnitPricePaise ?? r.Product.PricePaise, r.Product.MrpPaise,
                r.Line.UnitPricePaise is not null))],
            SnapshotPromotions.InForce(snapshot, pricedAt));
        var priced = new List<PricedLine>(cart.Count);
        for (var i = 0; i < resolved.Count; i++)
        {
            var (line, product) = resolved[i];
            var promotion = promoted.Lines[i];
            var grossPaise = Paise.Round(line.Qty * promotion.UnitPricePaise);
            // The cashier's discount comes after the promotions, on what they leave of the line.
            var leftPaise = checked(grossPaise - promotion.PromotionPaise - promotion.BillSharePaise);
            if (line.DiscountPaise < 0 || line.DiscountPaise > leftPaise)
            {
                return (null, null, $"Line {i + 1} ({product.Name}): the discount must be between ₹0 and the line amount after its promotions (₹{Paise.ToRupeeString(leftPaise)}).");
            }

            priced.Add(new PricedLine(line, product, promotion, checked(leftPaise - line.DiscountPaise)));
        }

        var billPaise = priced.Aggregate(0L, (sum, p) => checked(sum + p.NetPaise));
        if (billDiscountPaise < 0 || billDiscountPaise > billPaise)
        {
            return (null, null, "The bill discount must be between ₹0 and the bill's amount after line discounts.");
        }

        var shares = BillDiscount.Spread(billDiscountPaise, [.. priced.Select(p => p.NetPaise)]);
        var orderLines = new List<OrderLineDto>(cart.Count);
        var receiptLines = new List<ReceiptLine>(cart.Count);
        var markdowns = new List<LineMarkdown>(cart.Count);
        for (var i = 0; i < priced.Count; i++)
        {
            var (line, product, promotion, _) = priced[i];
            var promotionDiscountPaise = checked(promotion.PromotionPaise + promotion.BillSharePaise);
            var orderLine = new OrderLineDto(product.Sku, line.Qty, promotion.UnitPricePaise, checked(line.DiscountPaise + shares[i] + promotionDiscountPaise),
                product.GstRateBp, product.TaxInclusive, product.MrpPaise, promotion.PromotionId, promotion.PromotionId is null ? null : promotion.PromotionPaise);
            var coreLine = SaleMapping.ToCore(orderLine);
            // The rule HQ applies (above_mrp), checked before any payment is taken; Core's sentence starts "line N: …".
            if (OrderRules.CheckMrp(coreLine, i + 1) is { } mrpProblem)
            {
                return (null, null, $"Line {i + 1} ({product.Name}){mrpProblem.Detail[$"line {i + 1}".Length..]}.");
            }

            var tax = coreLine.Tax(kind);
            orderLines.Add(orderLine);
            receiptLines.Add(new ReceiptLine(product.Sku, product.Name, product.Unit, product.Hsn, line.Qty, promotion.UnitPricePaise,
                orderLine.DiscountPaise, product.GstRateBp, tax.TaxablePaise, tax.CgstPaise, tax.SgstPaise, tax.IgstPaise, tax.TotalPaise,
                product.MrpPaise, product.TaxInclusive, SavingsPaise(line.Qty, product.MrpPaise, tax.TotalPaise),
                promotion.PromotionId is { } id ? new ReceiptPromotion(id, SnapshotPromotions.NameOf(snapshot, id), promotion.SavingPaise) : null));
            // What the promotions took off is not the cashier's markdown, and a scheduled price is a price the till knows.
            KnownPrice[] known = promotion.PromotionId is null || promotion.UnitPricePaise == product.PricePaise
                ? [new KnownPrice(product.PricePaise, product.TaxInclusive)]
                : [new KnownPrice(product.PricePaise, product.TaxInclusive), new KnownPrice(promotion.UnitPricePaise, product.TaxInclusive)];
            markdowns.Add(LineMarkdown.Of(coreLine with { DiscountPaise = checked(coreLine.DiscountPaise - promotionDiscountPaise) }, i + 1, known)!);
        }

        var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(orderLines), kind));
        var summary = receiptLines.GroupBy(l => l.GstRateBp).OrderBy(g => g.Key)
            .Select(g => new GstRateSummary(g.Key, g.Sum(l => l.TaxablePaise), g.Sum(l => l.CgstPaise), g.Sum(l => l.SgstPaise), g.Sum(l => l.IgstPaise)))
            .ToList();
        var billPromotion = promoted.BillPromotionId is { } billId
            ? new ReceiptPromotion(billId, SnapshotPromotions.NameOf(snapshot, billId), promoted.BillPromotionPaise)
            : null;
        var quote = new Quote(kind == SupplyKind.IntraState ? "intra" : "inter", receiptLines, summary, totals, markdowns, BillPromotion: billPromotion);
        return (quote, orderLines, null);
    }

    private sealed record PricedLine(CartLine Line, SnapshotProduct Product, PromotedLine Promotion, long NetPaise);

    private static string? LineProblem(CartLine line, SnapshotProduct product, int number)
    {
        if (product.Retired)
        {
            return $"Line {number}: {RetiredProducts.Refusal(product)}";
        }

        if (line.Qty <= 0 || line.Qty > Limits.LineQtyMax || decimal.Round(line.Qty, Limits.QtyFractionDigitsMax) != line.Qty)
        {
            return $"Line {number} ({product.Name}): quantity must be above 0 and at most {Limits.LineQtyMax}, with at most {Limits.QtyFractionDigitsMax} decimals.";
        }

        if (line.Qty != decimal.Truncate(line.Qty) && !Units.IsFractional(product.Unit))
        {
            return $"Line {number} ({product.Name}) is sold in whole {product.Unit}; enter a whole quantity.";
        }

        // Only an override is checked here: the catalogue's own price is HQ's to keep in range (a free item may cost ₹0).
        return line.UnitPricePaise is <= 0 or > Limits.UnitPricePaiseMax
            ? $"Line {number} ({product.Name}): a changed price must be above ₹0 and at most ₹{Paise.ToRupeeString(Limits.UnitPricePaiseMax)}."
            : null;
    }

    // What the customer saves against the MRP printed on the pack; 0 for a product without one.
    private static long SavingsPaise(decimal qty, long? mrpPaise, long linePaise) =>
        mrpPaise is { } mrp ? checked(Paise.Round(qty * mrp) - linePaise) : 0;
}
