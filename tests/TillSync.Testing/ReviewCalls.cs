// The review, stock-adjustment and till-updates endpoints as typed calls (issue 4), each asserting the documented
// success status, beside ManagerClient and TillClient so that tests read as business steps.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;

namespace TillSync.Testing;

/// <summary>Typed calls for reviews, stock adjustments and movements, and the till's updates feed.</summary>
public static class ReviewCalls
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>One page of <c>GET /api/v1/reviews</c> with the given query (e.g. <c>status=open&amp;sku=X</c>).</summary>
    public static async Task<ReviewPage> ListReviewsAsync(this ManagerClient manager, string query)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/reviews?" + query, UriKind.Relative)),
            HttpStatusCode.OK, Json.ReviewPage, manager.Hq);
    }

    /// <summary><c>GET /api/v1/reviews/{id}</c>.</summary>
    public static async Task<ReviewDetail> GetReviewAsync(this ManagerClient manager, long reviewId)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri(Invariant($"/api/v1/reviews/{reviewId}"), UriKind.Relative)),
            HttpStatusCode.OK, Json.ReviewDetail, manager.Hq);
    }

    public static async Task<HttpResponseMessage> ResolveRawAsync(this ManagerClient manager, long reviewId, ReviewResolutionRequest request)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await client.PostAsync(Invariant($"/api/v1/reviews/{reviewId}/resolution"), JsonContent.Create(request, Json.ReviewResolutionRequest));
    }

    /// <summary>Resolves and asserts 200.</summary>
    public static async Task<ReviewResolutionView> ResolveAsync(this ManagerClient manager, long reviewId, ReviewResolutionRequest request) =>
        await Responses.ExpectAsync(await manager.ResolveRawAsync(reviewId, request), HttpStatusCode.OK, Json.ReviewResolutionView, manager.Hq);

    public static async Task<HttpResponseMessage> AdjustStockRawAsync(this ManagerClient manager, StockAdjustmentRequest request)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await client.PostAsync("/api/v1/stock/adjustments", JsonContent.Create(request, Json.StockAdjustmentRequest));
    }

    /// <summary>Adjusts and asserts 201.</summary>
    public static async Task<StockAdjustmentView> AdjustStockAsync(this ManagerClient manager, StockAdjustmentRequest request) =>
        await Responses.ExpectAsync(await manager.AdjustStockRawAsync(request), HttpStatusCode.Created, Json.StockAdjustmentView, manager.Hq);

    /// <summary>Every movement of a SKU in the default store, following the pages.</summary>
    public static async Task<List<StockMovementView>> MovementsAsync(this ManagerClient manager, string sku)
    {
        var all = new List<StockMovementView>();
        long after = 0;
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        for (var page = 0; page < 10_000; page++)
        {
            var movements = await Responses.ExpectAsync(
                await client.GetAsync(new Uri(Invariant($"/api/v1/stock/{Uri.EscapeDataString(sku)}/movements?after={after}&limit=500"), UriKind.Relative)),
                HttpStatusCode.OK, Json.StockMovementPage, manager.Hq);
            all.AddRange(movements.Movements);
            if (movements.NextAfter is not { } next)
            {
                return all;
            }

            after = next;
        }

        throw new InvalidOperationException("The movement history never ended.");
    }

    /// <summary><c>GET /api/v1/stock</c> with the given query.</summary>
    public static async Task<StockListPage> ListStockAsync(this ManagerClient manager, string query)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/stock?" + query, UriKind.Relative)),
            HttpStatusCode.OK, Json.StockListPage, manager.Hq);
    }

    /// <summary>Adds a product of its own to the catalogue (so a test controls its stock exactly) and returns it.</summary>
    public static async Task<ProductDto> AddProductAsync(this ManagerClient manager, decimal openingStock)
    {
        var product = new ProductDto("T-" + Guid.CreateVersion7().ToString("N")[^10..].ToUpperInvariant(), "Test biscuits 200 g", "1905", "PCS", 1_800,
            3_000, 2_000, null, TaxInclusive: false);
        await manager.UpsertProductsAsync([product]);
        if (openingStock > 0)
        {
            await manager.ReceiveStockAsync(new StockReceiptRequest([new StockReceiptLine(product.Sku, openingStock)], Note: "opening"));
        }

        return product;
    }

    /// <summary>A line of <paramref name="product"/> at its catalogue price.</summary>
    public static OrderLineDto LineOf(ProductDto product, decimal qty) => new(product.Sku, qty, product.PricePaise, 0, product.GstRateBp);

    /// <summary>One page of the till's updates feed.</summary>
    public static async Task<TillUpdatesPage> UpdatesAsync(this TillClient till, long after = 0)
    {
        using var client = till.Hq.CreateClient(till.Token);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri(Invariant($"/api/v1/till/updates?after={after}"), UriKind.Relative)),
            HttpStatusCode.OK, Json.TillUpdatesPage, till.Hq);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
