using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Tills;
using TillSync.Simulation.Nodes;

namespace TillSync.Simulation.Shop;

/// <summary>What the shop's manager does at HQ, through HQ's own manager API: configure the store and catalogue, receive
/// stock, add the staff, enrol tills. Any refusal stops the run: the simulation's own set-up must never fail.</summary>
public static class Manager
{
    /// <summary>Configures HQ through its manager API — store, loyalty settings, catalogue, opening stock, staff — and returns the stock
    /// received and the staff with their PINs.</summary>
    public static async Task<(Dictionary<string, long> Received, IReadOnlyList<(StaffView Staff, string Pin)> Staff)> SetUpHqAsync(
        HqNode hq, Random random, CancellationToken cancellationToken)
    {
        using var stored = await ManagerAsync(hq, HttpMethod.Put, "/api/v1/store", JsonContent.Create(SimCatalog.Store, TillSyncJsonContext.Default.StoreDto), cancellationToken);
        var store = (await stored.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.StoreView, cancellationToken))!;
        (await ManagerAsync(hq, HttpMethod.Put, "/api/v1/loyalty/settings", JsonContent.Create(SimCatalog.Loyalty, TillSyncJsonContext.Default.LoyaltySettingsDto),
            cancellationToken)).Dispose();
        await UpsertProductsAsync(hq, SimCatalog.Products, cancellationToken);
        var received = new Dictionary<string, long>(StringComparer.Ordinal);
        var opening = SimCatalog.Products.Select(p => new StockReceiptLine(p.Sku, random.Next(5, 41))).ToList();
        await ReceiveAsync(hq, received, opening, "opening stock", cancellationToken);
        var staff = new List<(StaffView, string)>();
        foreach (var (name, role, pin) in SimStaff.Roster)
        {
            using var added = await ManagerAsync(hq, HttpMethod.Post, "/api/v1/staff",
                JsonContent.Create(new StaffDto(name, role, [store.StoreId], pin), TillSyncJsonContext.Default.StaffDto), cancellationToken);
            staff.Add(((await added.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.StaffView, cancellationToken))!, pin));
        }

        return (received, staff);
    }

    /// <summary>Adds or changes <paramref name="products"/> in HQ's catalogue (<c>POST /api/v1/products</c>, by SKU).</summary>
    public static async Task UpsertProductsAsync(HqNode hq, IReadOnlyList<ProductDto> products, CancellationToken cancellationToken) =>
        (await ManagerAsync(hq, HttpMethod.Post, "/api/v1/products", JsonContent.Create(products, TillSyncJsonContext.Default.IReadOnlyListProductDto),
            cancellationToken)).Dispose();

    /// <summary>Enrols till <paramref name="number"/> at HQ.</summary>
    public static async Task<TillEnrolmentResult> EnrolAsync(HqNode hq, int number, CancellationToken cancellationToken)
    {
        using var response = await ManagerAsync(hq, HttpMethod.Post, "/api/v1/tills",
            JsonContent.Create(new TillEnrolmentRequest($"Counter {number}"), TillSyncJsonContext.Default.TillEnrolmentRequest), cancellationToken);
        return (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillEnrolmentResult, cancellationToken))!;
    }

    /// <summary>Receives <paramref name="lines"/> at HQ and adds them to <paramref name="receivedMilliBySku"/>.</summary>
    public static async Task ReceiveAsync(
        HqNode hq, Dictionary<string, long> receivedMilliBySku, IReadOnlyList<StockReceiptLine> lines, string note, CancellationToken cancellationToken)
    {
        (await ManagerAsync(hq, HttpMethod.Post, "/api/v1/stock/receipts",
            JsonContent.Create(new StockReceiptRequest(lines, Note: note), TillSyncJsonContext.Default.StockReceiptRequest), cancellationToken)).Dispose();
        foreach (var line in lines)
        {
            receivedMilliBySku[line.Sku] = receivedMilliBySku.GetValueOrDefault(line.Sku) + Hq.Stock.Quantity.ToMilli(line.Qty);
        }
    }

    private static async Task<HttpResponseMessage> ManagerAsync(HqNode hq, HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        var response = await hq.ManagerSendAsync(method, path, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"HQ refused {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return response;
    }
}
