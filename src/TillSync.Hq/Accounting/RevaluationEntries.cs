using System.Globalization;
using TillSync.Core.Money;
using TillSync.Hq.Stock;

namespace TillSync.Hq.Accounting;

/// <summary>The journal entries of a change of products' costs (ADR 0024): the stock on hand is carried at catalogue cost,
/// so when a cost changes, each store's stock of the SKU is revalued — on-hand × (new − old cost), rounded half away from
/// zero per SKU — Dr <see cref="Accounts.Inventory"/> / Cr <see cref="Accounts.Revaluation"/> when the cost rises, the
/// other way round when it falls. Negative on-hand (stock sold offline beyond what HQ held, not yet put right) is
/// revalued the same way, sign and all: the sale took those units out of inventory at the old cost, and the receipt or
/// count that later brings on-hand back to zero will bring them in at the new one.</summary>
public static class RevaluationEntries
{
    /// <summary>SKUs named in an entry's description; the rest are counted.</summary>
    internal const int DescribedSkusMax = 10;

    /// <summary>The entry of one store's stock revalued at pricing version <paramref name="version"/>, or null when the
    /// changes net to nothing (no stock of the SKUs, or gains and losses that cancel to the paisa).</summary>
    /// <param name="version">The pricing version the catalogue write raised: one write, one version, so the ref is unique.</param>
    /// <param name="storeId">The store.</param>
    /// <param name="at">When the cost changed.</param>
    /// <param name="lines">Each changed SKU the store holds (on-hand not 0), with its on-hand and both costs.</param>
    public static JournalEntry? For(long version, long storeId, DateTimeOffset at, IReadOnlyList<CostRevaluationLine> lines)
    {
        var revaluedPaise = lines.Aggregate(0L, (sum, line) => checked(sum + line.ChangePaise));
        if (revaluedPaise == 0)
        {
            return null;
        }

        var postings = new PostingSet().Transfer(Accounts.Inventory, Accounts.Revaluation, revaluedPaise).ToPostings();
        var described = string.Join(", ", lines.Take(DescribedSkusMax).Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Sku} {Quantity.FromMilli(l.OnHandMilli):0.###} on hand from {Paise.ToRupeeString(l.OldCostPaise)} to {Paise.ToRupeeString(l.NewCostPaise)}")));
        var more = lines.Count > DescribedSkusMax ? string.Create(CultureInfo.InvariantCulture, $" and {lines.Count - DescribedSkusMax} more SKUs") : "";
        return new JournalEntry(Ref(version, storeId), storeId, JournalKinds.Revaluation, JournalEntry.BusinessDate(at),
            $"Cost change, stock revalued: {described}{more}", postings);
    }

    /// <summary>The entry reference of store <paramref name="storeId"/>'s revaluation at pricing version <paramref name="version"/>.</summary>
    public static string Ref(long version, long storeId) => string.Create(CultureInfo.InvariantCulture, $"revaluation:{version}:{storeId}");
}
