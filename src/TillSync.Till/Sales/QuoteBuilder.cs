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
    /// catalogue price, for the role limits (<see cref="MarkdownLimits"/>).</summary>
    public static async Task<(Quote? Quote, IReadOnlyList<OrderLineDto>? Lines, string? Problem)> BuildAsync(
        ProductLookup products, DbTransaction? transaction, TillSnapshot snapshot, IReadOnlyList<CartLine> cart, CustomerDto? customer,
        CancellationToken cancellationToken, long billDiscountPaise = 0)
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
        var priced = new List<(CartLine Line, SnapshotProduct Product, long UnitPricePaise, long NetPaise)>(cart.Count);
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

            // An override bills the cashier's price instead of the catalogue's (docs/pricing.md).
            var unitPricePaise = line.UnitPricePaise ?? product.PricePaise;
            if (LineProblem(line, product, unitPricePaise, i + 1) is { } problem)
            {
                return (null, null, problem);
            }

            priced.Add((line, product, unitPricePaise, Paise.Round(line.Qty * unitPricePaise) - line.DiscountPaise));
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
            var (line, product, unitPricePaise, _) = priced[i];
            var orderLine = new OrderLineDto(product.Sku, line.Qty, unitPricePaise, checked(line.DiscountPaise + shares[i]), product.GstRateBp,
                product.TaxInclusive, product.MrpPaise);
            var coreLine = SaleMapping.ToCore(orderLine);
            // The rule HQ applies (above_mrp), checked before any payment is taken; Core's sentence starts "line N: …".
            if (OrderRules.CheckMrp(coreLine, i + 1) is { } mrpProblem)
            {
                return (null, null, $"Line {i + 1} ({product.Name}){mrpProblem.Detail[$"line {i + 1}".Length..]}.");
            }

            var tax = coreLine.Tax(kind);
            orderLines.Add(orderLine);
            receiptLines.Add(new ReceiptLine(product.Sku, product.Name, product.Unit, product.Hsn, line.Qty, unitPricePaise,
                orderLine.DiscountPaise, product.GstRateBp, tax.TaxablePaise, tax.CgstPaise, tax.SgstPaise, tax.IgstPaise, tax.TotalPaise,
                product.MrpPaise, product.TaxInclusive, SavingsPaise(line.Qty, product.MrpPaise, tax.TotalPaise)));
            markdowns.Add(LineMarkdown.Of(coreLine, i + 1, [new KnownPrice(product.PricePaise, product.TaxInclusive)])!);
        }

        var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(orderLines), kind));
        var summary = receiptLines.GroupBy(l => l.GstRateBp).OrderBy(g => g.Key)
            .Select(g => new GstRateSummary(g.Key, g.Sum(l => l.TaxablePaise), g.Sum(l => l.CgstPaise), g.Sum(l => l.SgstPaise), g.Sum(l => l.IgstPaise)))
            .ToList();
        var quote = new Quote(kind == SupplyKind.IntraState ? "intra" : "inter", receiptLines, summary, totals, markdowns);
        return (quote, orderLines, null);
    }

    private static string? LineProblem(CartLine line, SnapshotProduct product, long unitPricePaise, int number)
    {
        if (line.Qty <= 0 || line.Qty > Limits.LineQtyMax || decimal.Round(line.Qty, Limits.QtyFractionDigitsMax) != line.Qty)
        {
            return $"Line {number} ({product.Name}): quantity must be above 0 and at most {Limits.LineQtyMax}, with at most {Limits.QtyFractionDigitsMax} decimals.";
        }

        if (line.Qty != decimal.Truncate(line.Qty) && !Units.IsFractional(product.Unit))
        {
            return $"Line {number} ({product.Name}) is sold in whole {product.Unit}; enter a whole quantity.";
        }

        // Only an override is checked here: the catalogue's own price is HQ's to keep in range (a free item may cost ₹0).
        if (line.UnitPricePaise is <= 0 or > Limits.UnitPricePaiseMax)
        {
            return $"Line {number} ({product.Name}): a changed price must be above ₹0 and at most ₹{Paise.ToRupeeString(Limits.UnitPricePaiseMax)}.";
        }

        var grossPaise = Paise.Round(line.Qty * unitPricePaise);
        return line.DiscountPaise < 0 || line.DiscountPaise > grossPaise
            ? $"Line {number} ({product.Name}): the discount must be between ₹0 and the line amount."
            : null;
    }

    // What the customer saves against the MRP printed on the pack; 0 for a product without one.
    private static long SavingsPaise(decimal qty, long? mrpPaise, long linePaise) =>
        mrpPaise is { } mrp ? checked(Paise.Round(qty * mrp) - linePaise) : 0;
}
