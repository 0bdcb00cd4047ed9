// Proves HQ's pages and the till's cashier page run under the Content-Security-Policy their servers send (real Chromium:
// each page signs in, loads its data and reports no violation; the ledger still downloads its journal), and that the
// policy refuses what an injection would add: a script the page did not ship never runs.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Collects every violation the page's policy reports, from before the page's own scripts run.
    private const string ViolationRecorder =
        "window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));";

    // What an injected <script> would do; a page whose policy works never runs it.
    private const string InjectScript =
        "() => { const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); return window.injected === true; }";

    [Fact]
    public async Task HqPages_RunUnderTheirPolicy_AndNeverRunAnInjectedScript()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("hq"));
        await hq.SetUpShopAsync();
        await hq.EnrolTillAsync("Counter 1");
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(ViolationRecorder);
        await (await BackOffice.OpenAsync(context, hq, "/fleet")).CloseAsync();

        foreach (var (path, shown) in new[] { ("/fleet", "#fleet"), ("/reviews", "#list-panel"), ("/ledger", "#books"), ("/einvoices", "#bills"), ("/gstr1", "#return"),
            ("/credit-notes", "#notes"), ("/shifts", "#shifts"), ("/orders", "#orders"), ("/stock", "#stock"), ("/catalogue", "#catalogue"), ("/loyalty", "#settings"),
            ("/promotions", "#promotions"), ("/sign-in", "#sign-in") })
        {
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(new Uri(hq.Address, path).ToString());
            Assert.Contains("'sha256-", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
            await Expect(page.Locator(shown)).ToBeVisibleAsync();
            if (path == "/ledger")
            {
                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
                Assert.EndsWith(".journal", download.SuggestedFilename, StringComparison.Ordinal);
            }

            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.violations"));
            await AssertInjectedScriptRefusedAsync(page);
            output.WriteLine($"{path}: runs under its policy; an injected script was refused");
        }
    }

    [Fact]
    public async Task CashierPage_RunsUnderItsPolicy_AndNeverRunsAnInjectedScript()
    {
        // Every cashier-page test fails on a policy violation (CashierSession); this one also proves an injection is refused.
        await using var session = await CashierSession.StartAsync(browser, output, nameof(CashierPage_RunsUnderItsPolicy_AndNeverRunsAnInjectedScript));
        await session.RunAsync(async () =>
        {
            await session.Cashier.SellForCashAsync(("MILK-500ML", "MILK-500ML", "1"));
        });

        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync(ViolationRecorder);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(session.Till.Address.ToString());
        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await Expect(page.Locator("body[data-ready=\"true\"]")).ToBeAttachedAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.violations"));
        await AssertInjectedScriptRefusedAsync(page);
    }

    private static async Task AssertInjectedScriptRefusedAsync(IPage page)
    {
        Assert.False(await page.EvaluateAsync<bool>(InjectScript));
        var violations = await Poll.UntilAsync(() => page.EvaluateAsync<string[]>("() => window.violations"), v => v.Length > 0,
            TimeSpan.FromSeconds(10), _ => "the page to report the refused script");
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
    }
}
