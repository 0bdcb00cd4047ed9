// Proves no page on another origin can use the till or HQ from the till's own browser (real Chromium): from an attacker's
// site on another loopback port, and from a DNS-rebinding page on the victim's own port, text/plain and no-cors fetches,
// form posts, reads and framing all reach the server and are refused there (its log says so); the till records nothing,
// HQ stores nothing and no page reads a byte — while the same requests from the server's own page go through.
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Till.Sales;
using TillSync.Till.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class HostileOriginTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RefusalTimeout = TimeSpan.FromSeconds(15);
    private static readonly CustomerDto Buyer = Shop.B2BBuyer;

    // A real sale and a real code request: the control at the end of the till's test records them from the till's page.
    private static readonly string SaleJson = JsonSerializer.Serialize(
        new SaleRequest([new CartLine("MILK-500ML", 1)], [new Tender("cash", 10_000)]), TillJsonContext.Default.SaleRequest);

    private static readonly string CodeJson = JsonSerializer.Serialize(new LoyaltyCodeRequest(Buyer.Phone!, 100), TillSyncJsonContext.Default.LoyaltyCodeRequest);

    private const string ReceivedSku = "RICE-5KG";

    private static readonly string StockReceiptJson = JsonSerializer.Serialize(
        new StockReceiptRequest([new StockReceiptLine(ReceivedSku, 7)], Note: "delivery"), TillSyncJsonContext.Default.StockReceiptRequest);

    [Fact]
    public async Task Till_AttackerPagesOnOtherOrigins_RecordNothingAndReadNothing()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Till_AttackerPagesOnOtherOrigins_RecordNothingAndReadNothing));
        using var site = AttackerSite.Start();
        await using var attackerContext = await browser.NewContextAsync();
        await session.RunAsync(async () =>
        {
            var cashier = session.Cashier;
            await cashier.WaitForSyncStateAsync("online", SyncTimeout);
            // A B2B bill to a buyer with a phone, GSTIN and name — what a hostile page would read — earning points.
            await cashier.ScanAsync("120*GHEE-1L", "GHEE-1L", "120");
            await cashier.By("customer-phone").FillAsync(Buyer.Phone!);
            await cashier.By("customer-gstin").FillAsync(Buyer.Gstin!);
            await cashier.By("customer-name").FillAsync(Buyer.Name!);
            await cashier.SellForCashAsync();
            await cashier.WaitForQueueDepthAsync(0, SyncTimeout);
            var sale = Assert.Single(await SalesAsync(session.Till.Address));
            var till = session.Till.Address.GetLeftPart(UriPartial.Authority);
            var receiptPath = $"/api/sales/{sale.ClientOrderId}/receipt";

            // From the attacker's own origin. The browser sends the simple requests (no-cors, text/plain, forms) and a preflight
            // for the rest; the till refuses each, and its Cross-Origin-Resource-Policy keeps even an opaque answer from the page.
            var attacker = await AttackPage.OpenAsync(attackerContext, site.Address);
            Assert.Equal("blocked:TypeError", await attacker.NoCorsAsync($"{till}/api/sales", "POST", "text/plain", SaleJson));
            Assert.Equal("blocked:TypeError", await attacker.ReadPostAsync($"{till}/api/sales", "text/plain", SaleJson));
            Assert.Equal("blocked:TypeError", await attacker.ReadPostAsync($"{till}/api/sales", "application/json", SaleJson));
            // enctype=text/plain writes name=value: a name ending in an open string makes the body the sale's JSON.
            await attacker.PostFormAsync($"{till}/api/sales", "text/plain", SaleJson[..^1] + ",\"pad\":\"", "\"}");
            await attacker.PostFormAsync($"{till}/api/sales", "application/x-www-form-urlencoded", "sale", SaleJson);
            Assert.Equal("blocked:TypeError", await attacker.NoCorsAsync($"{till}/api/loyalty/codes", "POST", "text/plain", CodeJson));
            Assert.Equal("blocked:TypeError", await attacker.ReadAsync(till + receiptPath));
            Assert.Equal("blocked:TypeError", await attacker.NoCorsAsync(till + receiptPath, "GET"));
            Assert.Equal(0, await attacker.FramedCountAsync($"{till}/", "[data-testid=code-input]"));

            // DNS rebinding: the attacker's name now resolves to 127.0.0.1; its page, on the till's port, is same-origin
            // with the till as far as the browser knows.
            var rebound = await AttackPage.OpenReboundAsync(attackerContext, new Uri($"http://till.{BrowserFixture.RebindingDomain}:{session.Till.Address.Port}/"));
            AssertRefusedUnread(await rebound.ReadAsync(receiptPath));
            AssertRefusedUnread(await rebound.ReadAsync("/api/sales"));
            AssertRefusedUnread(await rebound.ReadPostAsync("/api/sales", "application/json", SaleJson));
            AssertRefusedUnread(await rebound.ReadPostAsync("/api/loyalty/codes", "application/json", CodeJson));
            // The same from a program, which may set Host to anything.
            using var http = new HttpClient { BaseAddress = session.Till.Address };
            AssertRefusedUnread(await SendWithHostAsync(http, HttpMethod.Get, receiptPath, $"till.{BrowserFixture.RebindingDomain}", null, null));
            AssertRefusedUnread(await SendWithHostAsync(http, HttpMethod.Post, "/api/sales", $"evil.example:{session.Till.Address.Port}", SaleJson, null));

            await Refusal.WaitAsync(() => session.Till.Output(2_000),
            [
                new("POST", "/api/sales", 403, 4), new("OPTIONS", "/api/sales", 403, 1), new("POST", "/api/loyalty/codes", 403, 1),
                new("GET", receiptPath, 403, 2), new("GET", receiptPath, 421, 2), new("GET", "/api/sales", 421, 1),
                new("POST", "/api/sales", 421, 2), new("POST", "/api/loyalty/codes", 421, 1),
            ], RefusalTimeout);
            Assert.Equal([sale], await SalesAsync(session.Till.Address));
            Assert.Single(await session.Hq.OrdersAsync(session.Enrolment.TillId));
            Assert.DoesNotContain("loyalty code for request", session.Hq.Output(2_000), StringComparison.Ordinal);

            // The till's own page sends the same sale and code request, and both go through; so does its Sync now button.
            const string ownPost = "([path, body]) => fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).then(r => r.status)";
            Assert.Equal(201, await cashier.Page.EvaluateAsync<int>(ownPost, new[] { "/api/sales", SaleJson }));
            Assert.Equal(201, await cashier.Page.EvaluateAsync<int>(ownPost, new[] { "/api/loyalty/codes", CodeJson }));
            Assert.Equal(2, (await SalesAsync(session.Till.Address)).Count);
            await cashier.By("sync-now").ClickAsync();
            await Expect(cashier.By("message")).ToContainTextAsync("Sync requested");
            await Poll.UntilAsync(() => Task.FromResult(session.Hq.Output(2_000)), o => o.Contains("loyalty code for request", StringComparison.Ordinal),
                SyncTimeout, _ => "HQ to log the code of the till page's own request");
        });
    }

    [Fact]
    public async Task Hq_AttackerPagesOnOtherOrigins_StoreNothingAndReadNothing()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("hq"));
        await hq.SetUpShopAsync();
        using var site = AttackerSite.Start();
        await using var context = await browser.NewContextAsync();
        var origin = hq.Address.GetLeftPart(UriPartial.Authority);
        var onHand = await hq.OnHandAsync(ReceivedSku);
        var adjustmentJson = JsonSerializer.Serialize(new StockAdjustmentRequest([new StockAdjustmentLine(ReceivedSku, -5)], "shrinkage"),
            TillSyncJsonContext.Default.StockAdjustmentRequest);
        // The manager is signed in to the back office in this browser: its session cookie goes with any request to HQ
        // (another port of 127.0.0.1 is the same site, so SameSite=Strict does not hold it back); the boundary and the
        // missing CSRF token still refuse every one.
        var own = await BackOffice.OpenAsync(context, hq, "/fleet");

        var attacker = await AttackPage.OpenAsync(context, site.Address);
        Assert.Equal("blocked:TypeError", await attacker.NoCorsAsync($"{origin}/api/v1/stock/receipts", "POST", "text/plain", StockReceiptJson));
        await attacker.PostFormAsync($"{origin}/api/v1/stock/adjustments", "application/x-www-form-urlencoded", "adjustment", adjustmentJson);
        Assert.Equal("blocked:TypeError", await attacker.ReadAsync($"{origin}/api/v1/tills"));
        Assert.Equal("blocked:TypeError", await attacker.ReadAsync($"{origin}/api/v1/session")); // the session's CSRF token stays unread
        // Even a page that somehow knew the manager's token is refused: its request needs a preflight, which HQ refuses.
        Assert.Equal("blocked:TypeError", await attacker.ReadPostAsync($"{origin}/api/v1/stock/receipts", "application/json", StockReceiptJson, hq.AdminToken));
        Assert.Equal(0, await attacker.FramedCountAsync($"{origin}/fleet", "header h1"));

        var rebound = await AttackPage.OpenReboundAsync(context, new Uri($"http://hq.{BrowserFixture.RebindingDomain}:{hq.Address.Port}/"));
        AssertRefusedUnread(await rebound.ReadAsync("/fleet"));
        AssertRefusedUnread(await rebound.ReadAsync("/api/v1/stock"));
        AssertRefusedUnread(await rebound.ReadPostAsync("/api/v1/stock/receipts", "application/json", StockReceiptJson, hq.AdminToken));
        using var http = new HttpClient { BaseAddress = hq.Address };
        AssertRefusedUnread(await SendWithHostAsync(http, HttpMethod.Get, "/api/v1/tills", $"hq.{BrowserFixture.RebindingDomain}", null, hq.AdminToken));
        AssertRefusedUnread(await SendWithHostAsync(http, HttpMethod.Post, "/api/v1/stock/receipts", "evil.example", StockReceiptJson, hq.AdminToken));

        await Refusal.WaitAsync(() => hq.Output(2_000),
        [
            new("POST", "/api/v1/stock/receipts", 403, 1), new("POST", "/api/v1/stock/adjustments", 403, 1), new("GET", "/api/v1/tills", 403, 1),
            new("GET", "/api/v1/session", 403, 1),
            new("OPTIONS", "/api/v1/stock/receipts", 403, 1), new("GET", "/fleet", 421, 1), new("GET", "/api/v1/stock", 421, 1),
            new("POST", "/api/v1/stock/receipts", 421, 2), new("GET", "/api/v1/tills", 421, 1),
        ], RefusalTimeout);
        Assert.Equal(onHand, await hq.OnHandAsync(ReceivedSku));

        // HQ's own page sends the same receipt with the manager's token, and it goes through; so does one with the session
        // cookie and the CSRF token the page is handed.
        Assert.Equal(201, await own.EvaluateAsync<int>(
            "([body, token, key]) => fetch('/api/v1/stock/receipts', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': key }, body }).then(r => r.status)",
            new[] { StockReceiptJson, hq.AdminToken, Guid.NewGuid().ToString() }));
        Assert.Equal(onHand + 7, await hq.OnHandAsync(ReceivedSku));
        Assert.Equal(201, await own.EvaluateAsync<int>(
            "async ([body, key]) => { const s = await (await fetch('/api/v1/session')).json(); return (await fetch('/api/v1/stock/receipts', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrfToken, 'Idempotency-Key': key }, body })).status; }",
            new[] { StockReceiptJson, Guid.NewGuid().ToString() }));
        Assert.Equal(onHand + 14, await hq.OnHandAsync(ReceivedSku));
    }

    // A refusal by the server itself (421 from the host check), whose body says nothing of the buyer.
    private static void AssertRefusedUnread(string seen)
    {
        Assert.StartsWith("status:421:", seen, StringComparison.Ordinal);
        Assert.Contains("\"status\":421", seen, StringComparison.Ordinal); // a problem+json answer, not a receipt
        foreach (var secret in new[] { Buyer.Phone!, Buyer.Gstin!, Buyer.Name! })
        {
            Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        }
    }

    private static async Task<string> SendWithHostAsync(HttpClient http, HttpMethod method, string path, string host, string? json, string? bearerToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Host = host;
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return string.Create(CultureInfo.InvariantCulture, $"status:{(int)response.StatusCode}:{body}");
    }

    private static async Task<List<SaleSummary>> SalesAsync(Uri till)
    {
        using var http = new HttpClient { BaseAddress = till };
        using var response = await http.GetAsync(new Uri("/api/sales", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), TillJsonContext.Default.ListSaleSummary)!;
    }
}
