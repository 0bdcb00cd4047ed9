using System.Data.Common;
using TillSync.Contracts.Catalog;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Catalog;

/// <summary>The footing of each product in an upsert (ADR 0010, amended): what it says, else the footing HQ already holds
/// for it, else inclusive of GST — a shop's shelf price, the default of a new product.</summary>
public static class ProductFooting
{
    /// <summary>True: a product created without <c>taxInclusive</c> is priced inclusive of GST.</summary>
    public const bool NewProductInclusive = true;

    /// <summary><paramref name="products"/> with every <see cref="ProductDto.TaxInclusive"/> set, read in the upsert's
    /// transaction so that the footing kept is the one the update replaces.</summary>
    public static async Task<IReadOnlyList<ProductDto>> ResolveAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyList<ProductDto> products,
        CancellationToken cancellationToken)
    {
        var unsaid = products.Where(p => p.TaxInclusive is null).Select(p => (object)p.Sku).ToList();
        if (unsaid.Count == 0)
        {
            return products;
        }

        var held = (await engine.ListWhereInAsync(connection, transaction, "SELECT sku, tax_inclusive FROM products WHERE sku IN ({list})",
                unsaid, [], r => (Sku: r.GetString(0), Inclusive: r.GetInt64(1) != 0), cancellationToken))
            .ToDictionary(r => r.Sku, r => r.Inclusive, StringComparer.Ordinal);
        return [.. products.Select(p => p.TaxInclusive is not null ? p
            : p with { TaxInclusive = held.TryGetValue(p.Sku, out var inclusive) ? inclusive : NewProductInclusive })];
    }
}
