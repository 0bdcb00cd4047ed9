// Proves HQ's web boundary rule by rule over real HTTP: a foreign Host is 421 and a foreign Origin or Sec-Fetch-Site 403
// even with a valid token, and nothing is stored; tills, the CLI and other programs (no Origin, no fetch metadata) work;
// configured public names and a reverse proxy's origin are accepted; every answer carries the security headers.
using System.Net;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Hq.Web;
using TillSync.Testing;
using static TillSync.Testing.BoundaryRequests;
using TillSync.Web;

namespace TillSync.Hq.Tests.Web;

public sealed class WebBoundaryTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const string Sku = "RICE-5KG";

    private static readonly string ReceiptJson =
        JsonSerializer.Serialize(new StockReceiptRequest([new StockReceiptLine(Sku, 3)], Note: "boundary test"), TillSyncJsonContext.Default.StockReceiptRequest);

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.evil.example")]
    [InlineData("localhost.evil.example:80")]
    public async Task ForeignHost_Refused421EvenWithValidToken_NothingStoredOrRead(string host)
    {
        var manager = fixture.Manager;
        var onHand = await manager.OnHandAsync(Sku);
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        foreach (var (method, path, json) in new[] { ("GET", "/api/v1/tills", null), ("GET", "/fleet", null), ("POST", "/api/v1/stock/receipts", ReceiptJson) })
        {
            using var response = await SendAsync(client, method, path, json, "application/json", ("Host", host));
            var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.MisdirectedRequest, fixture.Hq);
            Assert.Contains("--allowed-hosts", detail, StringComparison.Ordinal);
        }

        Assert.Equal(onHand, await manager.OnHandAsync(Sku));
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Hq.Output(400)),
            o => o.Contains($"Refused POST /api/v1/stock/receipts with 421: Host '{host}'", StringComparison.Ordinal), TimeSpan.FromSeconds(10),
            "HQ to log the refusal as a warning", fixture.Hq);
    }

    [Theory]
    [InlineData("Origin", "http://127.0.0.1:1")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task BrowserRequestFromAnotherPage_Refused403EvenWithValidToken_NothingStored(string header, string value)
    {
        var manager = fixture.Manager;
        var onHand = await manager.OnHandAsync(Sku);
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        using var read = await SendAsync(client, "GET", "/api/v1/tills", null, null, (header, value));
        using var write = await SendAsync(client, "POST", "/api/v1/stock/receipts", ReceiptJson, "application/json", (header, value));

        await Responses.ExpectProblemAsync(read, HttpStatusCode.Forbidden, fixture.Hq);
        Assert.Contains("only this server's own pages", await Responses.ExpectProblemAsync(write, HttpStatusCode.Forbidden, fixture.Hq), StringComparison.Ordinal);
        Assert.Equal(onHand, await manager.OnHandAsync(Sku));
    }

    [Fact]
    public async Task OwnPageOrProgram_Accepted()
    {
        var manager = fixture.Manager;
        var onHand = await manager.OnHandAsync(Sku);
        var own = fixture.Hq.BaseAddress.GetLeftPart(UriPartial.Authority);
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        // What HQ's own pages send, then what a program (a till, the CLI, curl) sends: no Origin, no fetch metadata.
        using var fromPage = await SendAsync(client, "POST", "/api/v1/stock/receipts", ReceiptJson, "application/json", ("Origin", own), ("Sec-Fetch-Site", "same-origin"));
        using var fromProgram = await SendAsync(client, "POST", "/api/v1/stock/receipts", ReceiptJson);
        var till = await fixture.EnrolTillAsync();
        var synced = await till.SyncOneAsync(till.Orders.Next([OrderFactory.Line("MILK-500ML", 1)]));

        await Responses.ExpectStatusAsync(fromPage, HttpStatusCode.Created, fixture.Hq);
        await Responses.ExpectStatusAsync(fromProgram, HttpStatusCode.Created, fixture.Hq);
        Assert.Equal(onHand + 6, await manager.OnHandAsync(Sku));
        Assert.Equal(SyncStatus.Created, synced.Status);
    }

    [Theory]
    [InlineData("/fleet", true)]
    [InlineData("/stock", true)]
    [InlineData("/catalogue", true)]
    [InlineData("/promotions", true)]
    [InlineData("/loyalty", true)]
    [InlineData("/reviews", true)]
    [InlineData("/ledger", true)]
    [InlineData("/einvoices", true)]
    [InlineData("/", true)]
    [InlineData("/sign-in", false)]
    public async Task Page_LinkedFromAnotherSite_ServedWithItsInlineBlocksHashed(string path, bool hasInlineStyle)
    {
        using var client = fixture.Hq.CreateClient(null);
        using var response = await SendAsync(client, "GET", path, null, null, ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"));

        await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, fixture.Hq);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches(@"script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'", policy);
        Assert.Matches(hasInlineStyle ? @"style-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'" : "style-src 'self'$", policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/back-office.js", "export async function api(")]
    [InlineData("/promotion-report.js", "export function promotionReport(")]
    public async Task BackOfficeModule_ServedAsJavaScript_UnderTheDefaultPolicy(string path, string export)
    {
        using var client = fixture.Hq.CreateClient(null);
        using var response = await SendAsync(client, "GET", path, null, null);

        await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, fixture.Hq);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SecurityHeaders.DefaultPolicy, string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains(export, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/healthz", null, HttpStatusCode.OK)]
    [InlineData("GET", "/hq.css", null, HttpStatusCode.OK)]
    [InlineData("GET", "/openapi/v1.json", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/tills", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/v1/tills", "evil.example", HttpStatusCode.MisdirectedRequest)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string method, string path, string? host, HttpStatusCode expected)
    {
        using var client = fixture.Hq.CreateClient(null);
        using var response = await SendAsync(client, method, path, null, null, host is null ? [] : [("Host", host)]);

        await Responses.ExpectStatusAsync(response, expected, fixture.Hq);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ConfiguredHosts_AndAProxysPublicOrigin_Accepted()
    {
        var dataDir = TempDirectory.Create("hq-allowed-hosts");
        var options = new HqOptions("http://127.0.0.1:0", dataDir, "allowed-hosts-test-token-0123456789", AllowedHosts: ["hq.example.com", "hq.shop.lan:8443"]);
        var (app, addresses) = await HqApplication.StartAsync(options, TextWriter.Null, CancellationToken.None);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(addresses[0]) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", options.AdminToken);

            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/v1/tills", ("Host", "hq.example.com")));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/v1/tills", ("Host", "HQ.Example.com:443")));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/v1/tills", ("Host", "hq.shop.lan:8443")));
            Assert.Equal(HttpStatusCode.MisdirectedRequest, await StatusAsync(client, "/api/v1/tills", ("Host", "hq.shop.lan:9000")));
            Assert.Equal(HttpStatusCode.MisdirectedRequest, await StatusAsync(client, "/api/v1/tills", ("Host", "www.example.com")));
            // Behind a TLS proxy that passes its upstream address as Host, the browser's origin is the public name.
            Assert.Equal(HttpStatusCode.OK,
                await StatusAsync(client, "/api/v1/tills", ("Origin", "https://hq.example.com"), ("Sec-Fetch-Site", "same-origin")));
            Assert.Equal(HttpStatusCode.Forbidden,
                await StatusAsync(client, "/api/v1/tills", ("Origin", "https://evil.example.com"), ("Sec-Fetch-Site", "same-origin")));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            await TempDirectory.DeleteAsync(dataDir);
        }
    }

    [Fact]
    public void AllowedHosts_NotAHostName_RefusedWithTheReason()
    {
        foreach (var bad in new[] { "https://hq.example.com", "hq.example.com/path", "*.example.com", "user@hq.example.com", "hq example", "::1" })
        {
            var (hosts, problem) = HostAllowList.Parse($"hq.example.com,{bad}");
            Assert.Empty(hosts);
            Assert.Contains($"'{bad}' is not a host name", problem, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => HostAllowList.Create("http://127.0.0.1:0", [bad]));
        }

        Assert.Equal(["hq.example.com", "192.168.1.10", "[fe80::1]:8443"], HostAllowList.Parse(" hq.example.com; 192.168.1.10 ,[fe80::1]:8443").Hosts);
    }
}
