// Proves the two kinds of token keep to their side: no or unknown token is a 401 problem, a till token on a
// manager endpoint or the manager token on a till endpoint is a 403 problem, and neither changes anything.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Access;

public sealed class TokenTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    public static TheoryData<string, string> ManagerEndpoints => new()
    {
        { "GET", "/api/v1/orders" },
        { "GET", "/api/v1/tills" },
        { "GET", "/api/v1/stores" },
        { "GET", "/api/v1/stock/RICE-5KG" },
        { "POST", "/api/v1/tills" },
        { "POST", "/api/v1/products" },
        { "POST", "/api/v1/stock/receipts" },
        { "PUT", "/api/v1/store" },
        { "GET", "/api/v1/stock" },
        { "GET", "/api/v1/stock/RICE-5KG/movements" },
        { "POST", "/api/v1/stock/adjustments" },
        { "GET", "/api/v1/reviews" },
        { "GET", "/api/v1/reviews/1" },
        { "POST", "/api/v1/reviews/1/resolution" },
    };

    public static TheoryData<string, string> TillEndpoints => new()
    {
        { "GET", "/api/v1/till/snapshot" },
        { "POST", "/api/v1/sync" },
        { "GET", "/api/v1/till/updates" },
    };

    [Theory]
    [MemberData(nameof(ManagerEndpoints))]
    public async Task ManagerEndpoint_WithTillToken_Returns403AndChangesNothing(string method, string path)
    {
        var till = await fixture.EnrolTillAsync();
        var tillsBefore = await fixture.Manager.ListTillsAsync();
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        using var client = fixture.Hq.CreateClient(till.Token);
        using var response = await client.SendAsync(Request(method, path));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.Forbidden, fixture.Hq);
        Assert.Equal(tillsBefore.Count, (await fixture.Manager.ListTillsAsync()).Count);
        Assert.Equal(stockBefore, await fixture.Manager.OnHandAllAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Manager.GetStockRawAsync("SNEAKY-1")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ManagerEndpoints))]
    [MemberData(nameof(TillEndpoints))]
    public async Task AnyApiEndpoint_WithoutToken_Returns401(string method, string path)
    {
        using var client = fixture.Hq.CreateClient(null);
        using var response = await client.SendAsync(Request(method, path));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, fixture.Hq);
    }

    [Theory]
    [MemberData(nameof(TillEndpoints))]
    public async Task TillEndpoint_WithManagerToken_Returns403(string method, string path)
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        using var response = await client.SendAsync(Request(method, path));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.Forbidden, fixture.Hq);
    }

    [Fact]
    public async Task ManagerToken_Wrong_Returns401()
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken + "0");
        using var response = await client.GetAsync(new Uri("/api/v1/tills", UriKind.Relative));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, fixture.Hq);
    }

    /// <summary>A request whose body, if the endpoint took it, would change something visible.</summary>
    private static HttpRequestMessage Request(string method, string path)
    {
        var json = TillSyncJsonContext.Default;
        HttpContent? content = (method, path) switch
        {
            ("POST", "/api/v1/tills") => JsonContent.Create(new TillEnrolmentRequest("Sneaky till", null), json.TillEnrolmentRequest),
            ("POST", "/api/v1/products") => JsonContent.Create<IReadOnlyList<ProductDto>>(
                [new ProductDto("SNEAKY-1", "Sneaky product", "3401", "PCS", 1_800, 100, 1, null)], json.IReadOnlyListProductDto),
            ("POST", "/api/v1/stock/receipts") => JsonContent.Create(
                new StockReceiptRequest([new StockReceiptLine("RICE-5KG", 1_000)], Note: "sneaky"), json.StockReceiptRequest),
            ("POST", "/api/v1/stock/adjustments") => JsonContent.Create(
                new StockAdjustmentRequest([new StockAdjustmentLine("RICE-5KG", 1_000)], "sneaky"), json.StockAdjustmentRequest),
            ("PUT", "/api/v1/store") => JsonContent.Create(HqScenario.Store with { TradeName = "Sneaky" }, json.StoreDto),
            ("POST", "/api/v1/sync") => new StringContent("{\"orders\":[]}", Encoding.UTF8, "application/json"),
            _ => null,
        };
        return new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = content };
    }
}
