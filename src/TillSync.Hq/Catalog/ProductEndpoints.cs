using System.Data.Common;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Pricing;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Catalog;

/// <summary>The catalogue: <c>POST /api/v1/products</c> upserts by SKU, <c>GET /api/v1/products</c> lists.</summary>
public static class ProductEndpoints
{
    /// <summary>Maps the catalogue endpoints for managers.</summary>
    public static void MapProductEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/products", UpsertAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<IReadOnlyList<ProductDto>>("application/json").Produces<ProductUpsertResult>().ProducesProblem(400);
        api.MapPost("/products/import", ProductImport.ImportAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<ProductImportRequest>("application/json").Produces<ProductUpsertResult>().ProducesProblem(400);
        api.MapGet("/products", ListAsync).RequireManager().Produces<IReadOnlyList<ProductDto>>();
        api.MapGet("/products/page", PageAsync).RequireManager().Produces<ProductPage>().ProducesProblem(400);
        api.MapProductRetirement();
    }

    private static async Task<IResult> UpsertAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (products, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.IReadOnlyListProductDto, Core.Limits.SyncBodyBytesMax, http.RequestAborted);
        if (products is null)
        {
            return problem!;
        }

        var invalid = ProductRules.Problem(products);
        if (invalid is not null)
        {
            return Problems.BadRequest(invalid);
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var refused = await SaveAsync(database.Engine, connection, transaction, products, http.Caller().Name, "products.upsert",
                time.GetUtcNow(), http.RequestAborted);
            return refused is { } r
                ? Problems.BadRequest(ProductRules.Named(r.Index, products[r.Index], r.Problem))
                : TypedResults.Ok(new ProductUpsertResult(products.Count));
        });
    }

    /// <summary>Inserts or updates <paramref name="unresolved"/> (already checked by <see cref="ProductRules"/>) by SKU under a
    /// new pricing version, revalues the stock on hand of each product whose cost changed (<see cref="CostRevaluation"/>),
    /// and audits it as <paramref name="action"/>, all in the caller's transaction. A product that does not say its footing
    /// takes the one HQ holds, or inclusive when new (<see cref="ProductFooting"/>), and is then held to its MRP: the first
    /// that fails is answered (its index and problem) and nothing is written; the caller rolls back.</summary>
    internal static async Task<(int Index, string Problem)?> SaveAsync(
        DatabaseEngine engine, DbConnection connection, DbTransaction transaction, IReadOnlyList<ProductDto> unresolved,
        string callerName, string action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // First, before the pricing version's row: the lock order of a stock move is catalogue costs, then on-hand, then the
        // ledger's balances; a catalogue write takes the costs and the balances, in that order.
        var oldCostPaiseBySku = await CostRevaluation.LockCostsAsync(engine, connection, transaction, unresolved, cancellationToken);
        var products = await ProductFooting.ResolveAsync(engine, connection, transaction, unresolved, cancellationToken);
        for (var i = 0; i < products.Count; i++)
        {
            if (unresolved[i].TaxInclusive is null && ProductRules.RowProblem(products[i]) is { } problem)
            {
                return (i, problem);
            }
        }

        // A new pricing version, under which each changed price is kept (docs/pricing.md): a till that priced from an
        // older snapshot is judged by the price it knew.
        var version = await PricingVersions.RaiseAsync(connection, transaction, cancellationToken);
        await using (var upsert = connection.Command("""
            INSERT INTO products (sku, name, hsn, unit, gst_rate_bp, price_paise, cost_paise, barcode, updated_at, mrp_paise, tax_inclusive, catalogue_version)
            VALUES (@sku, @name, @hsn, @unit, @rate, @price, @cost, @barcode, @at, @mrp, @inclusive, @version)
            ON CONFLICT (sku) DO UPDATE SET name = excluded.name, hsn = excluded.hsn, unit = excluded.unit,
                gst_rate_bp = excluded.gst_rate_bp, price_paise = excluded.price_paise, cost_paise = excluded.cost_paise,
                barcode = excluded.barcode, updated_at = excluded.updated_at, mrp_paise = excluded.mrp_paise,
                tax_inclusive = excluded.tax_inclusive,
                catalogue_version = CASE WHEN products.name IS DISTINCT FROM excluded.name OR products.hsn IS DISTINCT FROM excluded.hsn
                    OR products.unit IS DISTINCT FROM excluded.unit OR products.gst_rate_bp IS DISTINCT FROM excluded.gst_rate_bp
                    OR products.price_paise IS DISTINCT FROM excluded.price_paise OR products.barcode IS DISTINCT FROM excluded.barcode
                    OR products.mrp_paise IS DISTINCT FROM excluded.mrp_paise OR products.tax_inclusive IS DISTINCT FROM excluded.tax_inclusive
                    THEN excluded.catalogue_version ELSE products.catalogue_version END
            """, transaction))
        {
            // catalogue_version changes only with what a till sees (not the cost), so that re-sending an unchanged
            // catalogue sends no till a delta (docs/sync.md, "The catalogue by delta").
            upsert.With("@sku", "").With("@name", "").With("@hsn", "").With("@unit", "").With("@rate", 0).With("@price", 0L)
                .With("@cost", 0L).With("@barcode", null).With("@at", StoredTime.Text(now)).With("@mrp", null).With("@inclusive", 0L)
                .With("@version", version);
            foreach (var p in products)
            {
                upsert.Set("@sku", p.Sku);
                upsert.Set("@name", p.Name.Trim());
                upsert.Set("@hsn", p.Hsn);
                upsert.Set("@unit", p.Unit);
                upsert.Set("@rate", p.GstRateBp);
                upsert.Set("@price", p.PricePaise);
                upsert.Set("@cost", p.CostPaise);
                upsert.Set("@barcode", p.Barcode);
                upsert.Set("@mrp", p.MrpPaise);
                upsert.Set("@inclusive", p.TaxInclusive!.Value ? 1L : 0L);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
                await PriceHistory.RecordAsync(connection, transaction, version, p, now, cancellationToken);
            }
        }

        await CostRevaluation.PostAsync(engine, connection, transaction, products, oldCostPaiseBySku, version, now, cancellationToken);

        await AuditLog.RecordAsync(connection, transaction, callerName, action,
            $"{products.Count} products: {string.Join(", ", products.Take(20).Select(p => p.Sku))}{(products.Count > 20 ? ", …" : "")}",
            now, cancellationToken);
        return null;
    }

    private const string ProductColumns = "sku, name, hsn, unit, gst_rate_bp, price_paise, cost_paise, barcode, mrp_paise, tax_inclusive, retired_at";

    /// <summary>The product <paramref name="sku"/> as <c>GET /api/v1/products</c> answers it, or null.</summary>
    internal static async Task<ProductDto?> FindAsync(DbConnection connection, DbTransaction transaction, string sku, CancellationToken cancellationToken) =>
        (await connection.Command($"SELECT {ProductColumns} FROM products WHERE sku = @sku", transaction).With("@sku", sku)
            .ListAsync(ReadProduct, cancellationToken)).SingleOrDefault();

    // The whole catalogue, for an export or a program that wants every product at once.
    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var products = await connection.Command($"SELECT {ProductColumns} FROM products ORDER BY sku").ListAsync(ReadProduct, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ProductDto>>(products);
    }

    // A page of the catalogue in SKU order, found by the start of a SKU or HSN, a word of the name, or the whole barcode:
    // what the back office's catalogue screen shows, a page at a time, whatever the catalogue's size. Retired products are
    // left out unless retired=include (all) or retired=only.
    private static async Task<IResult> PageAsync(HttpContext http, HqDatabase database, string? q, string? after, int? limit, string? retired)
    {
        var pageSize = limit ?? 100;
        if (pageSize is < 1 or > Limits.ProductsPageMax || q is { Length: > 64 } || after is { Length: > 64 })
        {
            return Problems.BadRequest($"limit must be 1 to {Limits.ProductsPageMax}, and q and after at most 64 characters.");
        }

        var retiredFilter = retired switch
        {
            null or "" or "exclude" => " AND retired_at IS NULL",
            "include" => "",
            "only" => " AND retired_at IS NOT NULL",
            _ => null,
        };
        if (retiredFilter is null)
        {
            return Problems.BadRequest("retired must be exclude (the default), include or only.");
        }

        var text = q?.Trim() ?? "";
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var like = LikePattern.EscapeSql;
        var command = connection.Command($"""
            SELECT {ProductColumns} FROM products
            WHERE sku > @after{retiredFilter}{(text.Length == 0 ? "" : $" AND (sku LIKE @prefix {like} OR hsn LIKE @hsn {like} OR LOWER(name) LIKE @contains {like} OR barcode = @barcode)")}
            ORDER BY sku LIMIT @limit
            """).With("@after", after ?? "").With("@limit", pageSize + 1);
        if (text.Length > 0)
        {
            command.With("@prefix", LikePattern.Prefix(text.ToUpperInvariant())).With("@hsn", LikePattern.Prefix(text))
                .With("@contains", LikePattern.Contains(text.ToLowerInvariant())).With("@barcode", text);
        }

        var products = await command.ListAsync(ReadProduct, http.RequestAborted);
        var more = products.Count > pageSize;
        if (more)
        {
            products.RemoveAt(products.Count - 1);
        }

        return TypedResults.Ok(new ProductPage(products, more ? products[^1].Sku : null));
    }

    private static ProductDto ReadProduct(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
            r.GetInt64(5), r.GetInt64(6), r.NullableString(7), r.NullableInt64(8), r.GetInt64(9) != 0,
            r.IsDBNull(10) ? null : StoredTime.Parse(r.GetString(10)));
}
