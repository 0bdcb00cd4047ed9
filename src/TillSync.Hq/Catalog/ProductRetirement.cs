using System.Globalization;
using TillSync.Contracts.Catalog;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Pricing;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Catalog;

/// <summary>Retiring a product and bringing it back: <c>POST /api/v1/products/{sku}/retire</c> and <c>…/restore</c>
/// (docs/back-office.md, "Catalogue"). A retired product stays in the catalogue — earlier sales and their returns name it —
/// and tills stop selling it once their snapshot or delta says so; a sale a till made before it knew still commits.</summary>
public static class ProductRetirement
{
    /// <summary>Maps the two actions for managers.</summary>
    public static void MapProductRetirement(this IEndpointRouteBuilder api)
    {
        api.MapPost("/products/{sku}/retire", (string sku, HttpContext http, HqDatabase database, TimeProvider time) =>
                ChangeAsync(sku, retire: true, http, database, time))
            .RequireManager().RequireIdempotencyKey().Produces<ProductDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/products/{sku}/restore", (string sku, HttpContext http, HqDatabase database, TimeProvider time) =>
                ChangeAsync(sku, retire: false, http, database, time))
            .RequireManager().RequireIdempotencyKey().Produces<ProductDto>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
    }

    // Under a new pricing version, which the product's catalogue_version takes so that every till's next delta carries it,
    // and by which HQ can tell a sale priced before the till knew from one after.
    private static async Task<IResult> ChangeAsync(string sku, bool retire, HttpContext http, HqDatabase database, TimeProvider time)
    {
        if (!OrderRules.IsWellFormedSku(sku))
        {
            return Problems.BadRequest($"'{(sku.Length <= 40 ? sku : sku[..40] + "…")}' is not a SKU: 1 to {Core.Limits.SkuLengthMax} uppercase letters, digits, '-', '_', '.' or '/'.");
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var found = await connection.Command($"SELECT t.retired_at FROM products t WHERE t.sku = @sku{database.LockRowSql}", transaction)
                .With("@sku", sku).ListAsync(r => r.IsDBNull(0), http.RequestAborted);
            if (found.Count == 0)
            {
                return Problems.NotFound($"There is no product {sku}.");
            }

            var onSale = found[0];
            if (onSale != retire)
            {
                return Problems.Conflict(retire ? $"{sku} is already retired; nothing was changed." : $"{sku} is on sale, not retired; nothing was changed.");
            }

            var version = await PricingVersions.RaiseAsync(connection, transaction, http.RequestAborted);
            await connection.Command("UPDATE products SET retired_at = @at, catalogue_version = @version, updated_at = @now WHERE sku = @sku", transaction)
                .With("@at", retire ? StoredTime.Text(now) : null).With("@version", version).With("@now", StoredTime.Text(now)).With("@sku", sku)
                .ExecuteAsync(http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, retire ? "product.retire" : "product.restore",
                string.Create(CultureInfo.InvariantCulture, $"{sku} {(retire ? "retired" : "brought back")} (pricing version {version})"), now, http.RequestAborted);
            return TypedResults.Ok(await ProductEndpoints.FindAsync(connection, transaction, sku, http.RequestAborted));
        });
    }
}
