// The promotion endpoints as typed calls (issue 21 item 5), beside ManagerClient, so that promotion tests read as business
// steps: a scheduled price, buy-N-get-M and a bill-value discount, created, listed, ended early and reported on.
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Pricing;

namespace TillSync.Testing;

/// <summary>Typed calls for promotions.</summary>
public static class PromotionCalls
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>A scheduled price of <paramref name="pricePaise"/> on <paramref name="skus"/>, in force from an hour ago for a day.</summary>
    public static PromotionRequest ScheduledPrice(string name, long pricePaise, params string[] skus) =>
        new(name, PromotionKinds.ScheduledPrice, null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), skus, PricePaise: pricePaise);

    /// <summary>Buy <paramref name="buy"/> get <paramref name="get"/> free of <paramref name="skus"/>, in force from an hour ago for a day.</summary>
    public static PromotionRequest BuyGet(string name, int buy, int get, params string[] skus) =>
        new(name, PromotionKinds.BuyGet, null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), skus, BuyQty: buy, GetQty: get);

    /// <summary>An amount off a bill of a threshold or more, in force from an hour ago for a day.</summary>
    public static PromotionRequest BillValue(string name, long thresholdPaise, long? offPaise = null, int? offBp = null, long? capPaise = null) =>
        new(name, PromotionKinds.BillValue, null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), null,
            ThresholdPaise: thresholdPaise, OffPaise: offPaise, OffBp: offBp, CapPaise: capPaise);

    /// <summary><c>POST /api/v1/promotions</c> with <paramref name="json"/> as the body.</summary>
    public static async Task<HttpResponseMessage> CreatePromotionRawAsync(this ManagerClient manager, string json, string? idempotencyKey = null)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/promotions")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary><c>POST /api/v1/promotions</c>, expecting 201 with the promotion created.</summary>
    public static async Task<PromotionDto> CreatePromotionAsync(this ManagerClient manager, PromotionRequest promotion)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(
            await client.PostAsync("/api/v1/promotions", JsonContent.Create(promotion, Json.PromotionRequest)),
            HttpStatusCode.Created, Json.PromotionDto, manager.Hq);
    }

    /// <summary><c>POST /api/v1/promotions/{id}/end</c>.</summary>
    public static async Task<HttpResponseMessage> EndPromotionRawAsync(this ManagerClient manager, long id)
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        // Every write is JSON (the web boundary), so the end carries an empty object.
        using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/promotions/{id}/end"), UriKind.Relative), body);
    }

    /// <summary><c>POST /api/v1/promotions/{id}/end</c>, expecting 200 with the promotion ended.</summary>
    public static async Task<PromotionDto> EndPromotionAsync(this ManagerClient manager, long id) =>
        await Responses.ExpectAsync(await manager.EndPromotionRawAsync(id), HttpStatusCode.OK, Json.PromotionDto, manager.Hq);

    /// <summary><c>GET /api/v1/promotions?{query}</c>.</summary>
    public static async Task<PromotionPage> ListPromotionsAsync(this ManagerClient manager, string query = "")
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/promotions?{query}", UriKind.Relative)),
            HttpStatusCode.OK, Json.PromotionPage, manager.Hq);
    }

    /// <summary><c>GET /api/v1/promotions/{id}/report?{query}</c>.</summary>
    public static async Task<HttpResponseMessage> PromotionReportRawAsync(this ManagerClient manager, long id, string query = "")
    {
        using var client = manager.Hq.CreateClient(manager.Hq.AdminToken);
        return await client.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/promotions/{id}/report?{query}"), UriKind.Relative));
    }

    /// <summary><c>GET /api/v1/promotions/{id}/report?{query}</c>, expecting 200 with how the promotion did.</summary>
    public static async Task<PromotionReport> PromotionReportAsync(this ManagerClient manager, long id, string query = "") =>
        await Responses.ExpectAsync(await manager.PromotionReportRawAsync(id, query), HttpStatusCode.OK, Json.PromotionReport, manager.Hq);
}
