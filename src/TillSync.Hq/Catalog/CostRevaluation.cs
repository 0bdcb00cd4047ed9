using System.Data.Common;
using TillSync.Contracts.Catalog;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Catalog;

/// <summary>Revalues the stock on hand when a catalogue write changes products' costs (ADR 0024), in the write's
/// transaction: <see cref="LockCostsAsync"/> before the upsert, <see cref="PostAsync"/> after it. On PostgreSQL the first
/// locks the products' rows, which waits for every transaction that moves their stock at the old cost (each holds its
/// cost rows share-locked until it commits, <see cref="CatalogCosts"/>) and makes every later one read the new cost; so
/// the on-hand read after it counts exactly the stock valued at the old cost. On SQLite the write transaction already
/// excludes every other writer.</summary>
internal static class CostRevaluation
{
    /// <summary>The costs of those of <paramref name="products"/> already in the catalogue, by SKU, their rows locked
    /// against stock moves until the transaction ends (in SKU order, the order every other writer takes them in).</summary>
    public static Task<Dictionary<string, long>> LockCostsAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyList<ProductDto> products, CancellationToken cancellationToken) =>
        CatalogCosts.LoadAsync(engine, connection, transaction, [.. products.Select(p => p.Sku)], cancellationToken, exclusive: true);

    /// <summary>Posts one revaluation entry per store holding stock of a product whose cost changed from
    /// <paramref name="oldCostPaiseBySku"/>; a new product, or one whose cost is the same, revalues nothing.</summary>
    /// <returns>The entries posted.</returns>
    public static async Task<int> PostAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyList<ProductDto> products,
        IReadOnlyDictionary<string, long> oldCostPaiseBySku, long version, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = products
            .Where(p => oldCostPaiseBySku.TryGetValue(p.Sku, out var old) && old != p.CostPaise)
            .ToDictionary(p => p.Sku, p => (Old: oldCostPaiseBySku[p.Sku], New: p.CostPaise), StringComparer.Ordinal);
        if (changed.Count == 0)
        {
            return 0;
        }

        var onHand = await engine.ListWhereInAsync(connection, transaction,
            "SELECT store_id, sku, qty_milli FROM stock_on_hand WHERE sku IN ({list}) AND qty_milli <> 0 ORDER BY store_id, sku",
            changed.Keys.Order(StringComparer.Ordinal).ToList(), [],
            r => (StoreId: r.GetInt64(0), Sku: r.GetString(1), QtyMilli: r.GetInt64(2)), cancellationToken);
        var journal = new JournalWriter(engine.ParametersPerStatement);
        foreach (var store in onHand.GroupBy(r => r.StoreId))
        {
            var lines = store.OrderBy(r => r.Sku, StringComparer.Ordinal)
                .Select(r => new CostRevaluationLine(r.Sku, r.QtyMilli, changed[r.Sku].Old, changed[r.Sku].New)).ToList();
            if (RevaluationEntries.For(version, store.Key, now, lines) is { } entry)
            {
                journal.Add(entry, now);
            }
        }

        var posted = journal.Count;
        await journal.FlushAsync(connection, transaction, cancellationToken);
        return posted;
    }
}
