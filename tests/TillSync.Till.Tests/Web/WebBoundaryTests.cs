// Proves the till's web boundary rule by rule against a real till process: a write not declared JSON is 415, a foreign
// Host 421, a foreign Origin or Sec-Fetch-Site 403, and none records a sale; the cashier page's own requests and programs
// (the CLI, curl) go through; configured names work; --urls beyond loopback needs --allow-lan; every answer has the headers.
using System.Net;
using System.Text.Json;
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Web;
using static TillSync.Testing.BoundaryRequests;

namespace TillSync.Till.Tests.Web;

public sealed class WebBoundaryTests(TillFixture fixture) : IClassFixture<TillFixture>
{
    private static readonly string SaleJson = JsonSerializer.Serialize(
        new SaleRequest([new CartLine("MILK-500ML", 1)], [new Tender("cash", 5_000)]), TillJsonContext.Default.SaleRequest);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/jsonx")]
    public async Task Sale_NotDeclaredJson_Refused415_RecordsNothing(string? contentType)
    {
        var before = await SaleCountAsync();
        using var client = Client();

        using var response = await SendAsync(client, "POST", "/api/sales", SaleJson, contentType);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType, fixture.Till);
        Assert.Contains($"got '{contentType ?? "none"}'", detail, StringComparison.Ordinal);
        Assert.Equal(before, await SaleCountAsync());
    }

    [Theory]
    [InlineData("/api/quote")]
    [InlineData("/api/loyalty/codes")]
    [InlineData("/api/loyalty/redemptions")]
    [InlineData("/api/sync-now")]
    public async Task OtherWrites_NotDeclaredJson_Refused415(string path)
    {
        using var client = Client();
        using var response = await SendAsync(client, "POST", path, "{}", "text/plain");
        await Responses.ExpectProblemAsync(response, HttpStatusCode.UnsupportedMediaType, fixture.Till);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task Sale_DeclaredJson_Recorded(string contentType)
    {
        var before = await SaleCountAsync();
        using var client = Client();

        using var response = await SendAsync(client, "POST", "/api/sales", SaleJson, contentType);

        await Responses.ExpectStatusAsync(response, HttpStatusCode.Created, fixture.Till);
        Assert.Equal(before + 1, await SaleCountAsync());
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5090")]
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("localhost.")]
    public async Task ForeignHost_Refused421_OnPageAndApi_RecordsNothing(string host)
    {
        var before = await SaleCountAsync();
        using var client = Client();

        foreach (var (method, path, body) in new[] { ("GET", "/", null), ("GET", "/assets/app.js", null), ("GET", "/api/sales", null), ("POST", "/api/sales", SaleJson) })
        {
            using var response = await SendAsync(client, method, path, body, "application/json", ("Host", host));
            var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.MisdirectedRequest, fixture.Till);
            Assert.Contains($"'{host}' is not one of them", detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, await SaleCountAsync());
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Till.Output(400)),
            o => o.Contains($"Refused POST /api/sales with 421: Host '{host}'", StringComparison.Ordinal), TimeSpan.FromSeconds(10),
            "the till to log the refusal as a warning", fixture.Till);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:1234")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]:5090")]
    public async Task LoopbackNames_OnAnyPort_Answered(string host)
    {
        using var client = Client();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/status", ("Host", host)));
    }

    [Theory]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Origin", "http://localhost:{port}")] // another origin than the page's 127.0.0.1:{port}, though the same till
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task RequestFromAnotherPage_Refused403_ReadsAndWrites_RecordsNothing(string header, string value)
    {
        var before = await SaleCountAsync();
        using var client = Client();
        var headerValue = value.Replace("{port}", fixture.Api.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var read = await SendAsync(client, "GET", "/api/sales", null, null, (header, headerValue));
        using var qrCode = await SendAsync(client, "GET", $"/api/receipts/{Guid.CreateVersion7()}/qr.svg", null, null, (header, headerValue));
        using var write = await SendAsync(client, "POST", "/api/sales", SaleJson, "application/json", (header, headerValue));

        await Responses.ExpectProblemAsync(read, HttpStatusCode.Forbidden, fixture.Till);
        await Responses.ExpectProblemAsync(qrCode, HttpStatusCode.Forbidden, fixture.Till);
        Assert.Contains("only this server's own pages", await Responses.ExpectProblemAsync(write, HttpStatusCode.Forbidden, fixture.Till), StringComparison.Ordinal);
        Assert.Equal(before, await SaleCountAsync());
    }

    [Fact]
    public async Task CashierPagesOwnRequests_Accepted()
    {
        var before = await SaleCountAsync();
        using var client = Client();
        var own = fixture.Api.BaseAddress.GetLeftPart(UriPartial.Authority);

        // The page's fetch of its API (same-origin), then the cashier typing the address (none), then a link to the page
        // from another site: the page itself is the same for everyone and may be opened from anywhere.
        using var sale = await SendAsync(client, "POST", "/api/sales", SaleJson, "application/json", ("Origin", own), ("Sec-Fetch-Site", "same-origin"));
        using var typed = await SendAsync(client, "GET", "/api/status", null, null, ("Sec-Fetch-Site", "none"));
        using var linked = await SendAsync(client, "GET", "/", null, null, ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"));

        await Responses.ExpectStatusAsync(sale, HttpStatusCode.Created, fixture.Till);
        await Responses.ExpectStatusAsync(typed, HttpStatusCode.OK, fixture.Till);
        await Responses.ExpectStatusAsync(linked, HttpStatusCode.OK, fixture.Till);
        Assert.Equal(before + 1, await SaleCountAsync());
    }

    [Theory]
    [InlineData("GET", "/", null, HttpStatusCode.OK)]
    [InlineData("GET", "/assets/app.js", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/status", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/sales/not-an-id/receipt", null, HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/sales", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string method, string path, string? contentType, HttpStatusCode expected)
    {
        using var client = Client();
        using var response = await SendAsync(client, method, path, contentType is null ? null : SaleJson, contentType);

        await Responses.ExpectStatusAsync(response, expected, fixture.Till);
        AssertSecurityHeaders(response);
        Assert.Contains("script-src 'self';", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredHosts_Answered_OthersRefused()
    {
        // A till that cannot reach any HQ still serves its page and status, which is all this needs.
        var dataDir = TempDirectory.Create("till-allowed-hosts");
        var options = new TillOptions(new Uri("http://127.0.0.1:9"), "unused-token", dataDir, "http://127.0.0.1:0", TillProcess.SyncBackoffMax,
            AllowedHosts: ["till-3.shop.lan", "counter.shop.lan:8443"]);
        var (app, addresses) = await TillApplication.StartAsync(options, TimeProvider.System, CancellationToken.None);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(addresses[0]) };
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/status", ("Host", "till-3.shop.lan:5090")));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/status", ("Host", "counter.shop.lan:8443")));
            Assert.Equal(HttpStatusCode.MisdirectedRequest, await StatusAsync(client, "/api/status", ("Host", "counter.shop.lan:9000")));
            Assert.Equal(HttpStatusCode.MisdirectedRequest, await StatusAsync(client, "/api/status", ("Host", "till-4.shop.lan")));
            Assert.Equal(HttpStatusCode.OK,
                await StatusAsync(client, "/api/status", ("Host", "till-3.shop.lan"), ("Origin", "http://till-3.shop.lan"), ("Sec-Fetch-Site", "same-origin")));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:5090")]
    [InlineData("http://*:5090")]
    [InlineData("http://+:5090")]
    [InlineData("http://[::]:5090")]
    [InlineData("http://192.168.1.20:5090")]
    [InlineData("http://127.0.0.1:5090;http://till.shop.lan:5090")]
    public async Task ListenBeyondLoopback_WithoutAllowLan_RefusedBeforeListening(string urls)
    {
        var options = new TillOptions(new Uri("http://127.0.0.1:9"), "unused-token", "unused-dir", urls, TillProcess.SyncBackoffMax);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TillApplication.StartAsync(options, TimeProvider.System, CancellationToken.None));

        Assert.Contains("--allow-lan", error.Message, StringComparison.Ordinal);
        Assert.Contains("no sign-in", error.Message, StringComparison.Ordinal);
        Assert.Null((options with { AllowLan = true }).ListenProblem());
        Assert.False(Directory.Exists("unused-dir"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5090")]
    [InlineData("http://localhost:5090;http://[::1]:5090")]
    [InlineData("http://127.0.0.2:0")]
    public void ListenOnLoopback_NeedsNoAllowLan(string urls) =>
        Assert.Null(new TillOptions(new Uri("http://127.0.0.1:9"), "unused-token", "unused-dir", urls, TillProcess.SyncBackoffMax).ListenProblem());

    private HttpClient Client() => new() { BaseAddress = fixture.Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    // Counted, not read off the last tillSeq: the fixture's shift open took a number before the first sale.
    private async Task<long> SaleCountAsync() => (await fixture.Api.AllSalesAsync()).Count;
}
