using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Stock;

namespace TillSync.Hq.Accounting;

/// <summary>The journal entry of a committed return (docs/returns.md, "Accounting"), the mirror of <see cref="SaleEntry"/>:
/// Dr <c>revenue:sales</c> at the refunded taxable value; Dr GST payable by tax and rate; the round-off back against
/// <c>income:round-off</c>; Cr each refund tender (cash, card and UPI out of their asset accounts, loyalty back into
/// <c>liabilities:loyalty</c>, store credit into <c>liabilities:store-credit</c>, an exchange into
/// <c>liabilities:exchange-clearing</c>). Goods: a restocked line returns its catalogue cost to inventory
/// (Dr <c>assets:inventory</c> / Cr <c>expenses:cogs</c>), matching its +qty stock movement; a damaged line never
/// re-enters stock, so its cost moves from cost of goods sold to a write-off (Dr <c>expenses:shrinkage</c> /
/// Cr <c>expenses:cogs</c>) and inventory = Σ on-hand × cost stays true. Loyalty: earned points taken back release the
/// liability (Dr <c>liabilities:loyalty</c> / Cr <c>expenses:loyalty</c>); burned points given back without a loyalty
/// refund tender (a burn taken as a discount) accrue it again.</summary>
public static class ReturnEntry
{
    /// <summary>The entry of one committed return.</summary>
    /// <param name="documentId">The return's document id.</param>
    /// <param name="creditNoteNo">Its credit note number.</param>
    /// <param name="createdAt">When the till made it.</param>
    /// <param name="storeId">The store that refunded.</param>
    /// <param name="supplyKind">The original sale's supply kind.</param>
    /// <param name="isB2B">Whether the buyer's GSTIN is on the credit note.</param>
    /// <param name="lines">Each returned line with the refund HQ computed and its cost.</param>
    /// <param name="totals">The refund's totals (HQ's recomputation, equal to the till's).</param>
    /// <param name="refunds">The refund tenders: method and paise.</param>
    /// <param name="loyaltyEarnReversedPaise">Value of the earned points taken back.</param>
    /// <param name="loyaltyBurnAccruedPaise">Value of burned points given back that no loyalty refund tender carries.</param>
    public static JournalEntry For(
        Guid documentId, string creditNoteNo, DateTimeOffset createdAt, long storeId, SupplyKind supplyKind, bool isB2B, IReadOnlyList<ReturnedLineMoney> lines,
        BillTotals totals, IReadOnlyList<(string Method, long AmountPaise)> refunds, long loyaltyEarnReversedPaise, long loyaltyBurnAccruedPaise)
    {
        var postings = new PostingSet();
        foreach (var line in lines)
        {
            postings.Add(Accounts.Sales, line.Tax.TaxablePaise);
            if (Accounts.SplitsTax(supplyKind))
            {
                postings.Add(Accounts.Cgst(line.GstRateBp), line.Tax.CgstPaise).Add(Accounts.Sgst(line.GstRateBp), line.Tax.SgstPaise);
            }
            else
            {
                postings.Add(Accounts.Igst(line.GstRateBp), line.Tax.IgstPaise);
            }
        }

        postings.Add(Accounts.RoundOff, totals.RoundOffPaise);
        foreach (var (method, amountPaise) in refunds)
        {
            postings.Add(Accounts.Tender(method), checked(-amountPaise));
        }

        postings.Transfer(Accounts.Inventory, Accounts.Cogs, lines.Where(l => l.Restocked).Sum(l => l.CostPaise));
        postings.Transfer(Accounts.Shrinkage, Accounts.Cogs, lines.Where(l => !l.Restocked).Sum(l => l.CostPaise));
        postings.Transfer(Accounts.LoyaltyLiability, Accounts.LoyaltyExpense, loyaltyEarnReversedPaise);
        postings.Transfer(Accounts.LoyaltyExpense, Accounts.LoyaltyLiability, loyaltyBurnAccruedPaise);
        var supply = new SupplyFigures(SupplyDocument.CreditNote, isB2B, supplyKind == SupplyKind.InterState, totals,
            [.. lines.Select(l => (l.GstRateBp, l.Tax))]);
        return new JournalEntry(JournalKinds.ReturnRef(documentId), storeId, JournalKinds.Return, JournalEntry.BusinessDate(createdAt),
            $"Credit note {creditNoteNo}", postings.ToPostings(), supply);
    }
}

/// <summary>The money of one returned line as the journal books it.</summary>
/// <param name="GstRateBp">The line's GST rate.</param>
/// <param name="Tax">The refund of the line (Core's <c>ReturnMath.ForLine</c>).</param>
/// <param name="Restocked">True when the units go back to stock; false when damaged (written off).</param>
/// <param name="CostPaise">The returned quantity at catalogue cost (<see cref="Quantity.CostPaise"/>).</param>
public sealed record ReturnedLineMoney(int GstRateBp, LineTax Tax, bool Restocked, long CostPaise);
