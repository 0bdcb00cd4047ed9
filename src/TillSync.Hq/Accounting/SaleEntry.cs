using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Stock;

namespace TillSync.Hq.Accounting;

/// <summary>The journal entry of a committed sale (docs/accounting.md): Dr each tender; Cr <c>revenue:sales</c> at taxable value;
/// Cr GST payable by tax and rate; the bill's round-off to <c>income:round-off</c>; and Dr COGS / Cr inventory at the
/// catalogue cost of the goods at commit. Loyalty: a burn taken as a tender is a payment debiting <c>liabilities:loyalty</c>;
/// earned points accrue the liability (Dr <c>expenses:loyalty</c> / Cr <c>liabilities:loyalty</c>) and a burn taken as a
/// discount settles it (Dr <c>liabilities:loyalty</c> / Cr <c>expenses:loyalty</c>), both at points × value per point.</summary>
public static class SaleEntry
{
    /// <summary>The entry of <paramref name="order"/>, whose lines' taxes HQ computed as <paramref name="lineTaxes"/>.</summary>
    /// <param name="order">The committed order.</param>
    /// <param name="storeId">The store that sold.</param>
    /// <param name="supplyKind">Intra- or inter-state.</param>
    /// <param name="lineTaxes">Tax of each line, in line order.</param>
    /// <param name="unitCostPaise">Catalogue cost of one unit, by SKU.</param>
    /// <param name="loyaltyEarnPaise">Value of the points the sale earned.</param>
    /// <param name="loyaltyDiscountBurnPaise">Value of the points the sale burned as a discount (not as a tender).</param>
    public static JournalEntry For(
        Order order, long storeId, SupplyKind supplyKind, IReadOnlyList<LineTax> lineTaxes, IReadOnlyDictionary<string, long> unitCostPaise,
        long loyaltyEarnPaise = 0, long loyaltyDiscountBurnPaise = 0)
    {
        var postings = new PostingSet();
        foreach (var payment in order.Payments)
        {
            postings.Add(Accounts.Tender(payment.Method), payment.AmountPaise);
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var tax = lineTaxes[i];
            postings.Add(Accounts.Sales, -tax.TaxablePaise);
            if (Accounts.SplitsTax(supplyKind))
            {
                postings.Add(Accounts.Cgst(line.GstRateBp), -tax.CgstPaise).Add(Accounts.Sgst(line.GstRateBp), -tax.SgstPaise);
            }
            else
            {
                postings.Add(Accounts.Igst(line.GstRateBp), -tax.IgstPaise);
            }
        }

        postings.Add(Accounts.RoundOff, -order.Totals.RoundOffPaise);
        postings.Transfer(Accounts.Cogs, Accounts.Inventory, CostPaise(order.Lines, unitCostPaise));
        postings.Transfer(Accounts.LoyaltyExpense, Accounts.LoyaltyLiability, loyaltyEarnPaise);
        postings.Transfer(Accounts.LoyaltyLiability, Accounts.LoyaltyExpense, loyaltyDiscountBurnPaise);
        var supply = new SupplyFigures(SupplyDocument.Invoice, order.Customer?.Gstin is not null, supplyKind == SupplyKind.InterState, order.Totals,
            [.. order.Lines.Select((line, i) => (line.GstRateBp, lineTaxes[i]))]);
        return new JournalEntry(JournalKinds.SaleRef(order.ClientOrderId), storeId, JournalKinds.Sale, JournalEntry.BusinessDate(order.CreatedAt),
            $"Bill {order.BillNo}", postings.ToPostings(), supply);
    }

    /// <summary>The cost of the goods on <paramref name="lines"/>: each line's quantity × unit cost, rounded to the paisa.</summary>
    public static long CostPaise(IEnumerable<OrderLine> lines, IReadOnlyDictionary<string, long> unitCostPaise) =>
        lines.Sum(l => Quantity.CostPaise(l.Qty, unitCostPaise[l.Sku]));
}
