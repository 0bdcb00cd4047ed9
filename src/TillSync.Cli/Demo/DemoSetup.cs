using System.Net.Http.Headers;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Tills;
using TillSync.Storage;

namespace TillSync.Cli.Demo;

/// <summary>What the demo keeps between runs in <c>demo.json</c>: the manager token and the two tills' tokens.</summary>
/// <param name="AdminToken">The manager token.</param>
/// <param name="Tills">The enrolled tills.</param>
public sealed record DemoSetup(string AdminToken, IReadOnlyList<TillEnrolmentResult> Tills)
{
    /// <summary>The saved setup in <paramref name="path"/>, or null on a first run.</summary>
    public static DemoSetup? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), DemoJsonContext.Default.DemoSetup) : null;

    /// <summary>Saves the setup (it holds tokens: readable by the owner only, from the first byte).</summary>
    public void Save(string path) => OwnerOnly.WriteAllText(path, JsonSerializer.Serialize(this, DemoJsonContext.Default.DemoSetup));

    /// <summary>Configures a fresh HQ through its own API — the default store, the catalogue, opening stock — and enrols
    /// <paramref name="tillCount"/> tills.</summary>
    public static async Task<DemoSetup> SeedAsync(Uri hq, string adminToken, int tillCount, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = hq };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        await SendAsync(http.PutAsJsonAsync("/api/v1/store", new StoreDto("29AABCH1234K1ZN", "Hello Retail Private Limited", "12, 100 Feet Road, Indiranagar",
            "Bengaluru", 560038, "29", TradeName: "Hello Mart"), TillSyncJsonContext.Default.StoreDto, cancellationToken));
        await SendAsync(http.PostAsJsonAsync("/api/v1/products", DemoCatalog.Products, TillSyncJsonContext.Default.IReadOnlyListProductDto, cancellationToken));
        var opening = DemoCatalog.Products.Select(p => new StockReceiptLine(p.Sku, DemoCatalog.OpeningQty(p))).ToList();
        await SendAsync(http.PostAsJsonAsync("/api/v1/stock/receipts", new StockReceiptRequest(opening, Note: "Opening stock (demo)"),
            TillSyncJsonContext.Default.StockReceiptRequest, cancellationToken));
        var tills = new List<TillEnrolmentResult>();
        for (var i = 1; i <= tillCount; i++)
        {
            using var response = await SendAsync(http.PostAsJsonAsync("/api/v1/tills", new TillEnrolmentRequest($"Counter {i}"),
                TillSyncJsonContext.Default.TillEnrolmentRequest, cancellationToken));
            tills.Add((await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillEnrolmentResult, cancellationToken))!);
        }

        return new DemoSetup(adminToken, tills);
    }

    private static async Task<HttpResponseMessage> SendAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding the demo failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}

/// <summary>JSON for <c>demo.json</c>, the same shape for writing and reading.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(DemoSetup))]
public sealed partial class DemoJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
