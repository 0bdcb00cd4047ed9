// Proves the operational endpoints an operator and a client generator rely on: /healthz answers 200 without a
// token, and /openapi/v1.json is an OpenAPI document that describes the sync endpoint and the Idempotency-Key that
// manager writes require.
using System.Net;
using System.Text.Json;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Web;

public sealed class OpenApiTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task OpenApi_Document_DescribesSyncEndpoint()
    {
        using var document = await DocumentAsync();
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/sync", out var sync), "paths has no /api/v1/sync");
        Assert.True(sync.TryGetProperty("post", out _), "/api/v1/sync has no post operation");
    }

    [Theory]
    [InlineData("/api/v1/loyalty/settings", "put")]
    [InlineData("/api/v1/loyalty/customers/{phone}", "get")]
    [InlineData("/api/v1/loyalty/codes", "post")]
    [InlineData("/api/v1/loyalty/redemptions", "post")]
    [InlineData("/api/v1/till/loyalty/{phone}", "get")]
    [InlineData("/api/v1/audit", "get")]
    public async Task OpenApi_Document_DescribesLoyaltyEndpoints(string path, string method)
    {
        using var document = await DocumentAsync();
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var operations), $"paths has no {path}");
        Assert.True(operations.TryGetProperty(method, out _), $"{path} has no {method} operation");
    }

    [Theory]
    [InlineData("/api/v1/stock/receipts", "post")]
    [InlineData("/api/v1/tills", "post")]
    [InlineData("/api/v1/store", "put")]
    public async Task OpenApi_Document_DeclaresTheRequiredIdempotencyKeyOnManagerWrites(string path, string method)
    {
        using var document = await DocumentAsync();
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        var key = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.True(key.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task Healthz_WithoutToken_Returns200Healthy()
    {
        using var client = fixture.Hq.CreateClient(null);
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, fixture.Hq);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var client = fixture.Hq.CreateClient(null);
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, fixture.Hq);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
