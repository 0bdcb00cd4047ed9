// One manager write as the bytes a client sends, for the idempotency tests: which endpoint, which body, and what HQ must
// do when it applies it (status, the one audit action, journal entries).
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Staff;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Idempotency;

/// <summary>One manager write as bytes on the wire, with what it must do when applied: its success status, the one audit
/// action it records and how many journal entries it posts.</summary>
public sealed record ManagerWrite(HttpMethod Method, string Path, string Body, HttpStatusCode Success, string AuditAction, int JournalEntries)
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>Every manager write that takes an Idempotency-Key, except the e-invoice ones (they need an IRP:
    /// EInvoicing/EwayBillTests); each variant differs from the others, so that applying it changes HQ.</summary>
    public static IReadOnlyDictionary<string, Func<int, ManagerWrite>> All { get; } = new Dictionary<string, Func<int, ManagerWrite>>
    {
        ["stock receipt"] = n => Post("/api/v1/stock/receipts",
            JsonSerializer.Serialize(new StockReceiptRequest([new("RICE-5KG", n)], Note: $"invoice {n}"), Json.StockReceiptRequest), "stock.receipt", 1),
        ["stock adjustment"] = n => Post("/api/v1/stock/adjustments",
            JsonSerializer.Serialize(new StockAdjustmentRequest([new("SOAP-125G", -n)], $"count {n}"), Json.StockAdjustmentRequest), "stock.adjustment", 1),
        ["products"] = n => Post("/api/v1/products", JsonSerializer.Serialize<IReadOnlyList<ProductDto>>(
            [new($"IDEM-{n}", $"Idempotent product {n}", "3401", "PCS", 1_800, 1_000 + n, 800)], Json.IReadOnlyListProductDto), "products.upsert", 0, HttpStatusCode.OK),
        ["store"] = n => Post("/api/v1/stores", JsonSerializer.Serialize(
            HqScenario.Store with { LegalName = $"Branch {n} Provisions Private Limited" }, Json.StoreDto), "store.add", 0),
        ["default store"] = n => new(HttpMethod.Put, "/api/v1/store", JsonSerializer.Serialize(
            HqScenario.Store with { Address2 = $"Block {n}" }, Json.StoreDto), HttpStatusCode.OK, "store.configure", 0),
        ["staff"] = n => Post("/api/v1/staff", JsonSerializer.Serialize(
            new StaffDto($"Idempotent cashier {n}", StaffRoles.Cashier, [1], Pin: "4826"), Json.StaffDto), "staff.add", 0),
        ["till enrolment"] = n => Post("/api/v1/tills",
            JsonSerializer.Serialize(new TillEnrolmentRequest($"Idempotent counter {n}"), Json.TillEnrolmentRequest), "till.enrol", 0),
        ["loyalty settings"] = n => new(HttpMethod.Put, "/api/v1/loyalty/settings", JsonSerializer.Serialize(
            new LoyaltySettingsDto(n % 10_000, 25, BurnGstTreatments.Tender, 20_000, 300, 5, 5, 60, 900, 90), Json.LoyaltySettingsDto),
            HttpStatusCode.OK, "loyalty.settings", 0),
    };

    public static ManagerWrite Post(string path, string body, string auditAction, int journalEntries, HttpStatusCode success = HttpStatusCode.Created) =>
        new(HttpMethod.Post, path, body, success, auditAction, journalEntries);

    /// <summary>Sends the write to <paramref name="address"/> on a connection of its own, with <paramref name="key"/> as
    /// its Idempotency-Key (none when null) or <paramref name="rawHeader"/> as the header's exact value.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri address, string adminToken, string? key, string? rawHeader = null)
    {
        using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative))
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        if ((rawHeader ?? (key is null ? null : IdempotencyKey.HeaderValue(key))) is { } value)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKey.HeaderName, value);
        }

        return await client.SendAsync(request);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method} {Path}");
}
