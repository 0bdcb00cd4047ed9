// The manager's side of HQ's API as typed calls, each asserting the documented success status, so that tests
// read as business steps (receive stock, enrol a till, read an order) rather than HTTP plumbing.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Orders;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Tills;

namespace TillSync.Testing;

/// <summary>Manager endpoints called with the admin token.</summary>
public sealed class ManagerClient(HqProcess hq)
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>The process this client talks to.</summary>
    public HqProcess Hq => hq;

    public async Task<HttpResponseMessage> PutStoreRawAsync(StoreDto store)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.PutAsync("/api/v1/store", JsonContent.Create(store, Json.StoreDto));
    }

    public async Task<StoreView> PutStoreAsync(StoreDto store) =>
        await Responses.ExpectAsync(await PutStoreRawAsync(store), HttpStatusCode.OK, Json.StoreView, hq);

    public async Task<HttpResponseMessage> AddStaffRawAsync(StaffDto staff)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.PostAsync("/api/v1/staff", JsonContent.Create(staff, Json.StaffDto));
    }

    public async Task<StaffView> AddStaffAsync(StaffDto staff) =>
        await Responses.ExpectAsync(await AddStaffRawAsync(staff), HttpStatusCode.Created, Json.StaffView, hq);

    public async Task<HttpResponseMessage> ChangeStaffRawAsync(long staffId, StaffDto staff)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.PutAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/staff/{staffId}"), UriKind.Relative),
            JsonContent.Create(staff, Json.StaffDto));
    }

    public async Task<StaffView> ChangeStaffAsync(long staffId, StaffDto staff) =>
        await Responses.ExpectAsync(await ChangeStaffRawAsync(staffId, staff), HttpStatusCode.OK, Json.StaffView, hq);

    public async Task<IReadOnlyList<StaffView>> ListStaffAsync()
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/staff", UriKind.Relative)), HttpStatusCode.OK,
            Json.IReadOnlyListStaffView, hq);
    }

    public async Task<IReadOnlyList<TillSync.Contracts.Documents.ShiftView>> ShiftsAsync(string query)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/shifts?{query}", UriKind.Relative)), HttpStatusCode.OK,
            Json.IReadOnlyListShiftView, hq);
    }

    public async Task<HttpResponseMessage> UpsertProductsRawAsync(IReadOnlyList<ProductDto> products)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.PostAsync("/api/v1/products", JsonContent.Create(products, Json.IReadOnlyListProductDto));
    }

    public async Task<ProductUpsertResult> UpsertProductsAsync(IReadOnlyList<ProductDto> products) =>
        await Responses.ExpectAsync(await UpsertProductsRawAsync(products), HttpStatusCode.OK, Json.ProductUpsertResult, hq);

    public async Task<HttpResponseMessage> ReceiveStockRawAsync(StockReceiptRequest receipt)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.PostAsync("/api/v1/stock/receipts", JsonContent.Create(receipt, Json.StockReceiptRequest));
    }

    public async Task<StockReceiptView> ReceiveStockAsync(StockReceiptRequest receipt) =>
        await Responses.ExpectAsync(await ReceiveStockRawAsync(receipt), HttpStatusCode.Created, Json.StockReceiptView, hq);

    public async Task<HttpResponseMessage> GetStockRawAsync(string sku)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.GetAsync(new Uri($"/api/v1/stock/{Uri.EscapeDataString(sku)}", UriKind.Relative));
    }

    /// <summary>On-hand of one SKU in the default store.</summary>
    public async Task<decimal> OnHandAsync(string sku) =>
        (await Responses.ExpectAsync(await GetStockRawAsync(sku), HttpStatusCode.OK, Json.StockLevel, hq)).OnHand;

    /// <summary>On-hand of every catalogue SKU of the scenario.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> OnHandAllAsync()
    {
        var levels = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var product in HqScenario.Products)
        {
            levels[product.Sku] = await OnHandAsync(product.Sku);
        }

        return levels;
    }

    public async Task<HttpResponseMessage> EnrolTillRawAsync(TillEnrolmentRequest request)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.PostAsync("/api/v1/tills", JsonContent.Create(request, Json.TillEnrolmentRequest));
    }

    public async Task<TillEnrolmentResult> EnrolTillAsync(string name) =>
        await Responses.ExpectAsync(
            await EnrolTillRawAsync(new TillEnrolmentRequest(name, null)), HttpStatusCode.Created, Json.TillEnrolmentResult, hq);

    public async Task<IReadOnlyList<TillView>> ListTillsAsync()
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/tills", UriKind.Relative)),
            HttpStatusCode.OK, Json.IReadOnlyListTillView, hq);
    }

    /// <summary>The till as HQ sees it, including <c>nextSeq</c>.</summary>
    public async Task<TillView> GetTillAsync(long tillId) =>
        (await ListTillsAsync()).SingleOrDefault(t => t.TillId == tillId)
        ?? throw new InvalidOperationException($"Till {tillId} is not in GET /api/v1/tills.");

    public async Task<HttpResponseMessage> GetOrderRawAsync(string clientOrderId)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.GetAsync(new Uri($"/api/v1/orders/{Uri.EscapeDataString(clientOrderId)}", UriKind.Relative));
    }

    /// <summary>The recorded order, or null on 404.</summary>
    public async Task<OrderView?> FindOrderAsync(Guid clientOrderId)
    {
        var response = await GetOrderRawAsync(clientOrderId.ToString());
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await Responses.ExpectAsync(response, HttpStatusCode.OK, Json.OrderView, hq);
    }

    public async Task<OrderView> GetOrderAsync(Guid clientOrderId) =>
        await FindOrderAsync(clientOrderId) ?? throw new InvalidOperationException($"Order {clientOrderId} is not at HQ.");

    /// <summary>One page of <c>GET /api/v1/orders</c>.</summary>
    public async Task<OrderPage> ListOrdersAsync(long? tillId, long? after = null, int? limit = null)
    {
        var query = new List<string>();
        if (tillId is { } till)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"tillId={till}"));
        }

        if (after is { } cursor)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"after={cursor}"));
        }

        if (limit is { } size)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"limit={size}"));
        }

        var path = query.Count == 0 ? "/api/v1/orders" : "/api/v1/orders?" + string.Join('&', query);
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.OK, Json.OrderPage, hq);
    }

    /// <summary><c>GET /api/v1/orders?</c> with <paramref name="query"/> as given (already escaped).</summary>
    public async Task<HttpResponseMessage> QueryOrdersRawAsync(string query)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await client.GetAsync(new Uri($"/api/v1/orders?{query}", UriKind.Relative));
    }

    /// <summary>One page of <c>GET /api/v1/orders?</c> with <paramref name="query"/> as given (already escaped).</summary>
    public async Task<OrderPage> QueryOrdersAsync(string query) =>
        await Responses.ExpectAsync(await QueryOrdersRawAsync(query), HttpStatusCode.OK, Json.OrderPage, hq);

    /// <summary>Every order of a till (or of all tills), following <c>nextAfter</c> to the end.</summary>
    public async Task<IReadOnlyList<OrderView>> ListAllOrdersAsync(long? tillId)
    {
        var all = new List<OrderView>();
        long? after = null;
        for (var page = 0; page < 10_000; page++)
        {
            var orders = await ListOrdersAsync(tillId, after, 500);
            all.AddRange(orders.Orders);
            if (orders.NextAfter is null || orders.Orders.Count == 0)
            {
                return all;
            }

            after = orders.NextAfter;
        }

        throw new InvalidOperationException("The order listing never ended.");
    }
}
