using System.Data.Common;
using TillSync.Contracts.Catalog;
using TillSync.Core.Pricing;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Pricing;

/// <summary>The history of each product's price (<c>price_history</c>, migration 0021; docs/pricing.md): a row per change,
/// under the pricing version of the upsert that made it.</summary>
public static class PriceHistory
{
    /// <summary>Records the price and footing (resolved: <c>TaxInclusive</c> set) of <paramref name="product"/> under <paramref name="version"/> when they differ
    /// from its latest row (or it has none), in the upsert's transaction.</summary>
    public static Task<int> RecordAsync(
        DbConnection connection, DbTransaction transaction, long version, ProductDto product, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.Command("""
            INSERT INTO price_history (sku, version, price_paise, tax_inclusive, effective_at)
            SELECT @sku, @version, @price, @inclusive, @at
            WHERE NOT EXISTS (
                SELECT 1 FROM price_history h
                WHERE h.sku = @sku AND h.price_paise = @price AND h.tax_inclusive = @inclusive
                  AND h.version = (SELECT MAX(x.version) FROM price_history x WHERE x.sku = @sku))
            """, transaction)
            .With("@sku", product.Sku).With("@version", version).With("@price", product.PricePaise)
            .With("@inclusive", product.TaxInclusive!.Value ? 1L : 0L).With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);

    /// <summary>The whole history of each of <paramref name="skus"/>, oldest first.</summary>
    public static async Task<Dictionary<string, List<Versioned<KnownPrice>>>> LoadAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var rows = await engine.ListWhereInAsync(connection, transaction,
            "SELECT sku, version, price_paise, tax_inclusive, effective_at FROM price_history WHERE sku IN ({list}) ORDER BY sku, version",
            skus, [], r => (Sku: r.GetString(0), Row: new Versioned<KnownPrice>(r.GetInt64(1), StoredTime.Parse(r.GetString(4)),
                new KnownPrice(r.GetInt64(2), r.GetInt64(3) != 0))), cancellationToken);
        return rows.GroupBy(r => r.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Row).ToList(), StringComparer.Ordinal);
    }
}
