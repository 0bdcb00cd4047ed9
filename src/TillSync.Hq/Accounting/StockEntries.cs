using TillSync.Hq.Stock;

namespace TillSync.Hq.Accounting;

/// <summary>The journal entries of a manager's stock changes, at catalogue cost: a goods receipt is Dr inventory / Cr
/// supplier payables; a count adjustment moves inventory against <c>expenses:shrinkage</c> (a loss debits shrinkage, a
/// find credits it).</summary>
public static class StockEntries
{
    /// <summary>The entry of receipt or adjustment <paramref name="id"/>, or null when it moves no value (zero cost).</summary>
    /// <param name="kind"><see cref="StockKinds.Receipt"/> or <see cref="StockKinds.Adjustment"/>.</param>
    /// <param name="id">The receipt's or adjustment's id.</param>
    /// <param name="storeId">The store.</param>
    /// <param name="at">When it was recorded.</param>
    /// <param name="note">The receipt's note or the adjustment's reason.</param>
    /// <param name="lines">SKU and signed quantity of each line.</param>
    /// <param name="unitCostPaise">Catalogue cost of one unit, by SKU.</param>
    public static JournalEntry? For(
        string kind, long id, long storeId, DateTimeOffset at, string? note, IEnumerable<(string Sku, decimal Qty)> lines,
        IReadOnlyDictionary<string, long> unitCostPaise)
    {
        var costPaise = lines.Sum(l => Quantity.CostPaise(l.Qty, unitCostPaise[l.Sku]));
        if (costPaise == 0)
        {
            return null;
        }

        var isReceipt = kind == StockKinds.Receipt;
        var postings = new PostingSet().Transfer(Accounts.Inventory, isReceipt ? Accounts.SupplierPayables : Accounts.Shrinkage, costPaise);
        var description = (isReceipt ? $"Goods received, receipt {id}" : $"Stock count adjustment {id}") + (note is null ? "" : $": {note}");
        return new JournalEntry($"{kind}:{id}", storeId, isReceipt ? JournalKinds.Receipt : JournalKinds.Adjustment,
            JournalEntry.BusinessDate(at), description, postings.ToPostings());
    }
}
