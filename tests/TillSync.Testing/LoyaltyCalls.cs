// The loyalty and audit endpoints as typed calls (issue 7), plus the sales a loyalty customer makes, beside
// ManagerClient and TillClient so that loyalty tests read as business steps.
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TillSync.Contracts;
using TillSync.Contracts.Audit;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;

namespace TillSync.Testing;

/// <summary>Typed calls for loyalty settings, customers, codes and redemptions, and the audit log.</summary>
public static partial class LoyaltyCalls
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>HQ's default settings (migration 0006).</summary>
    public static LoyaltySettingsDto Defaults { get; } = new(1, 25, BurnGstTreatments.Tender, 20_000, 300, 5, 5, 60, 900, 90);

    /// <summary>A fresh random customer phone, so tests sharing an HQ never share a customer.</summary>
    public static string NewPhone() => "9" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>PUT /api/v1/loyalty/settings</c>.</summary>
    public static async Task<HttpResponseMessage> PutSettingsRawAsync(this ManagerClient manager, LoyaltySettingsDto settings)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await client.PutAsJsonAsync(new Uri("/api/v1/loyalty/settings", UriKind.Relative), settings, Json.LoyaltySettingsDto);
    }

    /// <summary><c>PUT /api/v1/loyalty/settings</c>, expecting 200.</summary>
    public static async Task<LoyaltySettingsDto> PutSettingsAsync(this ManagerClient manager, LoyaltySettingsDto settings) =>
        await Responses.ExpectAsync(await manager.PutSettingsRawAsync(settings), HttpStatusCode.OK, Json.LoyaltySettingsDto, manager.Hq);

    /// <summary><c>GET /api/v1/loyalty/settings</c>.</summary>
    public static async Task<LoyaltySettingsDto> GetSettingsAsync(this ManagerClient manager)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri("/api/v1/loyalty/settings", UriKind.Relative)),
            HttpStatusCode.OK, Json.LoyaltySettingsDto, manager.Hq);
    }

    /// <summary><c>GET /api/v1/loyalty/customers/{phone}</c>, with an optional query (<c>limit=</c>, <c>before=</c>).</summary>
    public static async Task<LoyaltyCustomerView> CustomerAsync(this ManagerClient manager, string phone, string query = "")
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/loyalty/customers/{phone}?{query}", UriKind.Relative)),
            HttpStatusCode.OK, Json.LoyaltyCustomerView, manager.Hq);
    }

    /// <summary><c>GET /api/v1/audit?action=</c>, every page.</summary>
    public static async Task<IReadOnlyList<AuditEntryView>> AuditAsync(this ManagerClient manager, string action)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        var entries = new List<AuditEntryView>();
        long after = 0;
        while (true)
        {
            var page = await Responses.ExpectAsync(
                await client.GetAsync(new Uri($"/api/v1/audit?action={Uri.EscapeDataString(action)}&after={after}", UriKind.Relative)),
                HttpStatusCode.OK, Json.AuditPage, manager.Hq);
            if (page.Entries.Count == 0)
            {
                return entries;
            }

            entries.AddRange(page.Entries);
            after = page.NextAfter;
        }
    }

    /// <summary><c>POST /api/v1/loyalty/codes</c> as the till.</summary>
    public static async Task<HttpResponseMessage> RequestCodeRawAsync(this TillClient till, string phone, long points)
    {
        using var client = till.Hq.CreateClient(till.Token);
        return await client.PostAsJsonAsync(new Uri("/api/v1/loyalty/codes", UriKind.Relative), new LoyaltyCodeRequest(phone, points), Json.LoyaltyCodeRequest);
    }

    /// <summary><c>POST /api/v1/loyalty/codes</c>, expecting 201.</summary>
    public static async Task<LoyaltyCodeView> RequestCodeAsync(this TillClient till, string phone, long points) =>
        await Responses.ExpectAsync(await till.RequestCodeRawAsync(phone, points), HttpStatusCode.Created, Json.LoyaltyCodeView, till.Hq);

    /// <summary><c>POST /api/v1/loyalty/redemptions</c> as the till.</summary>
    public static async Task<HttpResponseMessage> RedeemRawAsync(this TillClient till, Guid requestId, string code)
    {
        using var client = till.Hq.CreateClient(till.Token);
        return await client.PostAsJsonAsync(new Uri("/api/v1/loyalty/redemptions", UriKind.Relative), new RedemptionRequest(requestId, code), Json.RedemptionRequest);
    }

    /// <summary><c>POST /api/v1/loyalty/redemptions</c>, expecting 200.</summary>
    public static async Task<RedemptionView> RedeemAsync(this TillClient till, Guid requestId, string code) =>
        await Responses.ExpectAsync(await till.RedeemRawAsync(requestId, code), HttpStatusCode.OK, Json.RedemptionView, till.Hq);

    /// <summary>The code HQ logged for <paramref name="requestId"/> (the harness runs HQ with <c>--log-loyalty-codes</c>, the
    /// stand-in for an SMS gateway).</summary>
    public static async Task<string> CodeFromLogAsync(HqProcess hq, Guid requestId)
    {
        var line = await Eventually.UntilAsync(
            () => Task.FromResult(hq.Output(2_000).Split('\n').LastOrDefault(l => l.Contains($"request {requestId:D}", StringComparison.Ordinal))),
            l => l is not null, Patience.Exchanges, $"HQ to log the code of request {requestId}", hq);
        return CodePattern().Match(line!).Groups[1].Value;
    }

    /// <summary>The next sale of <paramref name="till"/> to <paramref name="phone"/>, earning and burning the given points; in
    /// <c>tender</c> treatment the burn is a <c>loyalty</c> payment of points × <paramref name="valuePaisePerPoint"/>.</summary>
    public static OrderDto LoyaltySale(
        this TillClient till, string phone, long earnPoints, long burnPoints, long valuePaisePerPoint = 25, string? token = null, decimal qty = 1)
    {
        var product = HqScenario.Product("GHEE-1L");
        var order = till.Orders.Next([HqScenario.LineOf(product, qty)], new CustomerDto(phone));
        var burnPaise = burnPoints * valuePaisePerPoint;
        List<PaymentDto> payments = burnPaise == 0
            ? [new PaymentDto(PaymentMethods.Cash, order.Totals.TotalPaise)]
            : [new PaymentDto(PaymentMethods.Loyalty, burnPaise), new PaymentDto(PaymentMethods.Cash, order.Totals.TotalPaise - burnPaise)];
        return order with { Payments = payments, Loyalty = new LoyaltyDto(earnPoints, burnPoints, token) };
    }

    [GeneratedRegex(@": (\d{6})\s*$")]
    private static partial Regex CodePattern();
}
