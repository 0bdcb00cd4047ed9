using System.Net.Http.Headers;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.Staff;
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

    /// <summary>The demo's staff with their PINs, which docs/shifts.md lists so that anyone trying the demo can log in (a
    /// real store's PINs are set by its manager and written down nowhere).</summary>
    public static IReadOnlyList<StaffDto> Staff { get; } =
    [
        new("Asha Rao", StaffRoles.Cashier, [1], Pin: "1111"),
        new("Vikram Singh", StaffRoles.Cashier, [1], Pin: "3333"),
        new("Kiran Shah", StaffRoles.Supervisor, [1], Pin: "2222"),
    ];

    /// <summary>Configures a fresh HQ through its own API — the default store, its staff, the catalogue, opening stock — and enrols
    /// <paramref name="tillCount"/> tills.</summary>
    public static async Task<DemoSetup> SeedAsync(Uri hq, string adminToken, int tillCount, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = hq };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var json = TillSyncJsonContext.Default;
        (await SendAsync(http, HttpMethod.Put, "/api/v1/store", JsonContent.Create(new StoreDto("29AABCH1234K1ZN", "Hello Retail Private Limited",
            "12, 100 Feet Road, Indiranagar", "Bengaluru", 560038, "29", TradeName: "Hello Mart"), json.StoreDto), cancellationToken)).Dispose();
        foreach (var staff in Staff)
        {
            (await SendAsync(http, HttpMethod.Post, "/api/v1/staff", JsonContent.Create(staff, json.StaffDto), cancellationToken)).Dispose();
        }

        (await SendAsync(http, HttpMethod.Post, "/api/v1/products", JsonContent.Create(DemoCatalog.Products, json.IReadOnlyListProductDto),
            cancellationToken)).Dispose();
        var opening = DemoCatalog.Products.Select(p => new StockReceiptLine(p.Sku, DemoCatalog.OpeningQty(p))).ToList();
        (await SendAsync(http, HttpMethod.Post, "/api/v1/stock/receipts",
            JsonContent.Create(new StockReceiptRequest(opening, Note: "Opening stock (demo)"), json.StockReceiptRequest), cancellationToken)).Dispose();
        var tills = new List<TillEnrolmentResult>();
        for (var i = 1; i <= tillCount; i++)
        {
            using var response = await SendAsync(http, HttpMethod.Post, "/api/v1/tills",
                JsonContent.Create(new TillEnrolmentRequest($"Counter {i}"), json.TillEnrolmentRequest), cancellationToken);
            tills.Add((await response.Content.ReadFromJsonAsync(json.TillEnrolmentResult, cancellationToken))!);
        }

        return new DemoSetup(adminToken, tills);
    }

    // One manager operation. Its Idempotency-Key is made once and sent with every attempt, so that a retry after a lost
    // answer (a dropped connection, HQ busy) is applied at most once: one opening stock, not two.
    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, HttpContent content, CancellationToken cancellationToken)
    {
        const int attemptsMax = 3;
        var key = IdempotencyKey.HeaderValue(IdempotencyKey.New());
        var body = await content.ReadAsByteArrayAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = content.Headers.ContentType;
            request.Headers.Add(IdempotencyKey.HeaderName, key);
            HttpResponseMessage? response = null;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (attempt < attemptsMax)
            {
                // No answer: the operation may or may not have been applied; the same key settles it on the next attempt.
            }

            if (response is { IsSuccessStatusCode: true })
            {
                return response;
            }

            if (response is not null && (attempt == attemptsMax || (int)response.StatusCode is not (408 or 500 or 503)))
            {
                using (response)
                {
                    throw new InvalidOperationException($"Seeding the demo failed: {method} {path} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }

            response?.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(attempt), TimeProvider.System, cancellationToken);
        }
    }
}

/// <summary>JSON for <c>demo.json</c>, the same shape for writing and reading.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(DemoSetup))]
public sealed partial class DemoJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
