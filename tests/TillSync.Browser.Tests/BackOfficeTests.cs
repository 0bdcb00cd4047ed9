// Proves a manager signs in to HQ's back office once per browser (real HQ, Debian chromium): every page is reached by the
// one navigation (by mouse and by the "g then key" shortcut) without being asked for the token again, a second tab is
// signed in too, a write with the session cookie but without its CSRF token is refused 403 and changes nothing, and
// signing out ends the session in every tab; the dashboard at / shows today's sales by till and the tills that need a look.
using System.Text.Json;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class BackOfficeTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Each page of the navigation, with the element that shows once its data has loaded.
    private static readonly (string Link, string Path, string Shown)[] Pages =
    [
        ("Orders", "/orders", "#orders"), ("Stock", "/stock", "#stock"), ("Catalogue", "/catalogue", "#catalogue"), ("Promotions", "/promotions", "#promotions"),
        ("Loyalty", "/loyalty", "#settings"),
        ("Reviews", "/reviews", "#list-panel"), ("E-invoices", "/einvoices", "#bills"), ("Credit notes", "/credit-notes", "#notes"),
        ("GSTR-1", "/gstr1", "#return"), ("Ledger", "/ledger", "#books"), ("Shifts", "/shifts", "#shifts"), ("Tills", "/fleet", "#fleet"),
    ];

    [Fact]
    public async Task SignIn_BeforeThePageScriptRuns_EnterSubmitsNothing_TheTokenNeverInTheAddress()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("hq"));
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // The page's script held back, as on a slow machine before it has run: Enter in the token field once submitted the
        // form natively, a GET that put the token in the address and never signed in.
        await page.RouteAsync("**/back-office.js", route => route.AbortAsync());
        await page.GotoAsync(new Uri(hq.Address, "/sign-in?next=%2Fstock").ToString());
        await page.GetByLabel("Manager token").FillAsync(hq.AdminToken);
        await page.GetByLabel("Manager token").PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeDisabledAsync();
        Assert.Equal(new Uri(hq.Address, "/sign-in?next=%2Fstock").ToString(), page.Url);
        Assert.DoesNotContain(hq.AdminToken, page.Url, StringComparison.Ordinal);

        await page.UnrouteAsync("**/back-office.js");
        await BackOffice.SignInAsync(page, hq, "/stock");
    }

    [Fact]
    public async Task BackOffice_SignInOnce_EveryPageByTheNavigation_SecondTabToo_SignOutEndsIt()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("hq"));
        await hq.SetUpShopAsync();
        await hq.EnrolTillAsync("Counter 1");
        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/fleet");
        await Expect(BackOffice.Navigation(page)).ToContainTextAsync("Signed in as admin");

        foreach (var (link, path, shown) in Pages)
        {
            await BackOffice.Navigation(page).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(hq.Address, path).ToString());
            await Expect(page.Locator(shown)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await Expect(page.Locator("#error")).ToBeHiddenAsync();
            output.WriteLine($"{path}: reached by the navigation, signed in");
        }

        // The keyboard: "g" then "r" goes to the reviews; the skip link is the first stop and leads to the page's content.
        await page.Locator("body").PressAsync("g");
        await page.Locator("body").PressAsync("r");
        await Expect(page).ToHaveURLAsync(new Uri(hq.Address, "/reviews").ToString());
        await Expect(BackOffice.Navigation(page)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();

        var secondTab = await context.NewPageAsync();
        await secondTab.GotoAsync(new Uri(hq.Address, "/ledger").ToString());
        await Expect(secondTab.Locator("#books")).ToBeVisibleAsync();
        Assert.EndsWith("/ledger", secondTab.Url, StringComparison.Ordinal);

        await BackOffice.Navigation(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(hq.Address, "/sign-in").ToString());
        await secondTab.ReloadAsync();
        await Expect(secondTab).ToHaveURLAsync(new Uri(hq.Address, "/sign-in?next=%2Fledger").ToString());
        Assert.Empty(await context.CookiesAsync([hq.Address.ToString()]));
        var screenshot = Path.Combine(TempDirs.Create("screens"), "back-office-signed-out.png");
        await secondTab.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
    }

    [Fact]
    public async Task Dashboard_ShowsATillsSaleToday_AndTheTillThatNeverSynced()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("hq"));
        await hq.SetUpShopAsync();
        var selling = await hq.EnrolTillAsync("Counter 1");
        var silent = await hq.EnrolTillAsync("Counter 2");
        var ghee = Shop.Product("GHEE-1L");
        var sale = new OrderFactory(selling.BillPrefix).Build(1, [new OrderLineDto(ghee.Sku, 1, ghee.PricePaise, 0, ghee.GstRateBp)]);
        await hq.SyncAsTillAsync(selling.Token, [sale]);
        await using var context = await browser.NewContextAsync();

        var page = await BackOffice.OpenAsync(context, hq, "/");

        var sold = page.Locator($"#sales-table tr[data-till='{selling.TillId}']");
        await Expect(sold).ToContainTextAsync("Counter 1");
        await Expect(sold.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(sold.Locator("td").Nth(3)).ToHaveTextAsync(BackOffice.Rupees(sale.Totals.TotalPaise));
        await Expect(page.Locator($"#sales-table tr[data-till='{silent.TillId}'] td").Nth(2)).ToHaveTextAsync("0");
        await Expect(page.Locator("#sales-total")).ToHaveTextAsync(BackOffice.Rupees(sale.Totals.TotalPaise));
        await Expect(page.Locator($"#tills-table tr[data-till='{silent.TillId}']")).ToContainTextAsync("never synced");
        await Expect(page.Locator($"#tills-table tr[data-till='{selling.TillId}']")).ToHaveCountAsync(0); // it just synced: online
        await Expect(page.Locator("#reviews-table")).ToContainTextAsync("Nothing to review.");
        await Expect(page.Locator("#einvoices-table")).ToContainTextAsync("No e-invoice at risk or failed.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var path = Path.Combine(TempDirs.Create("screens"), "dashboard.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [Fact]
    public async Task SessionWrite_WithoutCsrfHeader_Is403AndChangesNothing()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("hq"));
        await hq.SetUpShopAsync();
        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/ledger");
        var onHand = await hq.OnHandAsync("RICE-5KG");
        var adjustment = JsonSerializer.Serialize(new StockAdjustmentRequest([new StockAdjustmentLine("RICE-5KG", -5)], "shrinkage"),
            TillSyncJsonContext.Default.StockAdjustmentRequest);
        const string post = """
            async ([body, key, withCsrf]) => {
              const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': key };
              if (withCsrf === 'yes') headers['X-CSRF-Token'] = (await (await fetch('/api/v1/session')).json()).csrfToken;
              const response = await fetch('/api/v1/stock/adjustments', { method: 'POST', headers, body });
              return `${response.status} ${response.headers.get('content-type')} ${(await response.json()).detail ?? ''}`;
            }
            """;

        var refused = await page.EvaluateAsync<string>(post, new[] { adjustment, Guid.NewGuid().ToString(), "no" });

        Assert.StartsWith("403 application/problem+json", refused, StringComparison.Ordinal);
        Assert.Contains("X-CSRF-Token", refused, StringComparison.Ordinal);
        Assert.Equal(onHand, await hq.OnHandAsync("RICE-5KG"));
        Assert.StartsWith("201 ", await page.EvaluateAsync<string>(post, new[] { adjustment, Guid.NewGuid().ToString(), "yes" }), StringComparison.Ordinal);
        Assert.Equal(onHand - 5, await hq.OnHandAsync("RICE-5KG"));
    }
}
