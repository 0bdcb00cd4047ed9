// The manager calls behind the back office's stock, catalogue and till screens (issue 22): a second store, on-hand in a
// named store, a transfer, a catalogue import; each raw call for tests that expect a refusal.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;

namespace TillSync.Testing;

/// <summary>Back-office calls as typed steps.</summary>
public static class BackOfficeCalls
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>Adds a store beside the default one and returns its id.</summary>
    public static async Task<long> AddStoreAsync(this ManagerClient manager, StoreDto store)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return (await Responses.ExpectAsync(await client.PostAsync(new Uri("/api/v1/stores", UriKind.Relative), JsonContent.Create(store, Json.StoreDto)),
            HttpStatusCode.Created, Json.StoreView, manager.Hq)).StoreId;
    }

    /// <summary>On-hand of one SKU in <paramref name="storeId"/>.</summary>
    public static async Task<decimal> OnHandAsync(this ManagerClient manager, string sku, long storeId)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/stock/{Uri.EscapeDataString(sku)}?storeId={storeId}"), UriKind.Relative);
        return (await Responses.ExpectAsync(await client.GetAsync(uri), HttpStatusCode.OK, Json.StockLevel, manager.Hq)).OnHand;
    }

    /// <summary>Sends a transfer, with <paramref name="idempotencyKey"/> when given (else a new one).</summary>
    public static async Task<HttpResponseMessage> TransferStockRawAsync(this ManagerClient manager, StockTransferRequest transfer, string? idempotencyKey = null)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/stock/transfers") { Content = JsonContent.Create(transfer, Json.StockTransferRequest) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>A transfer HQ recorded.</summary>
    public static async Task<StockTransferView> TransferStockAsync(this ManagerClient manager, StockTransferRequest transfer, string? idempotencyKey = null) =>
        await Responses.ExpectAsync(await manager.TransferStockRawAsync(transfer, idempotencyKey), HttpStatusCode.Created, Json.StockTransferView, manager.Hq);

    /// <summary>Sends a catalogue CSV to import, with <paramref name="idempotencyKey"/> when given (else a new one).</summary>
    public static async Task<HttpResponseMessage> ImportProductsRawAsync(this ManagerClient manager, string csv, string? idempotencyKey = null)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/products/import")
        {
            Content = JsonContent.Create(new ProductImportRequest(csv), Json.ProductImportRequest),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The catalogue as HQ lists it.</summary>
    public static async Task<IReadOnlyList<ProductDto>> ProductsAsync(this ManagerClient manager)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/products", UriKind.Relative)), HttpStatusCode.OK,
            Json.IReadOnlyListProductDto, manager.Hq);
    }
}
