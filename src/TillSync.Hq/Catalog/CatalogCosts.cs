using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Catalog;

/// <summary>Cost of the batch's SKUs that exist in the catalogue; a SKU missing here is unknown.</summary>
public static class CatalogCosts
{
    /// <summary>Cost in paise by SKU, for those of <paramref name="skus"/> the catalogue has. On PostgreSQL the rows stay
    /// share-locked until the transaction ends: whatever moves stock at these costs commits before a cost change of the
    /// same SKUs can revalue the stock on hand, or reads the new cost after it (ADR 0024). <paramref name="exclusive"/>
    /// locks them for update instead: the cost change's own read (<see cref="CostRevaluation"/>).</summary>
    public static async Task<Dictionary<string, long>> LoadAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> skus, CancellationToken cancellationToken,
        bool exclusive = false)
    {
        var rows = await engine.ListWhereInAsync(connection, transaction,
            "SELECT sku, cost_paise FROM products WHERE sku IN ({list}) ORDER BY sku" + (exclusive ? engine.LockRowsSql : engine.ShareRowsSql),
            skus.Order(StringComparer.Ordinal).ToList(), [], r => (Sku: r.GetString(0), CostPaise: r.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(r => r.Sku, r => r.CostPaise, StringComparer.Ordinal);
    }

    /// <summary>The <c>unknown_sku</c> rejection of the first of a document's line SKUs the catalogue lacks, or null.</summary>
    public static Rejection? FirstUnknown(IEnumerable<string> lineSkus, IReadOnlyDictionary<string, long> costPaiseBySku)
    {
        var lineNo = 0;
        foreach (var sku in lineSkus)
        {
            lineNo++;
            if (!costPaiseBySku.ContainsKey(sku))
            {
                return new Rejection(SyncReasons.UnknownSku, $"line {lineNo}: SKU '{sku}' is not in HQ's catalogue");
            }
        }

        return null;
    }
}
