// Proves the demo shows its own headline without stopping anything (issue 22): `tillsync demo` as a real process, its
// first till's page in Chromium; the page's demo switch cuts the till's link to HQ, three bills wait in the queue with
// the till offline, and restoring the link drains them: HQ holds the three bills, once each.
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TillSync.Browser.Tests.Harness;
using TillSync.Cli.Demo;
using TillSync.Contracts;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class DemoOfflineTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Items = ["DAL-MOONG-1KG", "OIL-SUNFLOWER-1L", "TEA-TATA-500G"];

    [Fact]
    public async Task Demo_CutTillOnesLink_ThreeBillsWaitOffline_RestoreDrainsThemToHqOnceEach()
    {
        var data = TempDirs.Create("demo");
        var (hqPort, tillPort, irpPort) = (DemoProcess.FreePortPair(), DemoProcess.FreePortPair(), DemoProcess.FreePortPair());
        using var demo = await DemoProcess.StartAsync(data, hqPort, tillPort, irpPort);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        try
        {
            Assert.Contains("Cut link (demo)", demo.Banner, StringComparison.Ordinal);
            var cashier = new CashierPage(page, new Uri($"http://127.0.0.1:{tillPort}/"));
            await page.GotoAsync($"http://127.0.0.1:{tillPort}/");
            await Expect(page.Locator("body[data-ready=\"true\"]")).ToBeAttachedAsync();
            await cashier.LogInAsync(DemoSetup.Staff[0]);
            await cashier.OpenShiftIfNoneAsync(new Dictionary<long, int> { [50_000] = 4 });
            await cashier.WaitForSyncStateAsync("online", Patience.Exchanges);

            await cashier.By("demo-link").ClickAsync();
            await Expect(cashier.By("demo-link")).ToHaveAttributeAsync("data-state", "cut");
            await cashier.WaitForSyncStateAsync("offline", Patience.Exchanges);
            var bills = new List<string>();
            foreach (var sku in Items)
            {
                bills.Add(await cashier.SellForCashAsync((sku, sku, "1")));
            }

            await cashier.WaitForQueueDepthAsync(3, Patience.Exchanges);
            await Expect(cashier.By("offline-banner")).ToContainTextAsync("3 sales waiting");
            await Expect(cashier.By("offline-banner")).ToContainTextAsync("the link to HQ is cut (tillsync demo)");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "demo-offline-3-waiting.png") });

            await cashier.By("demo-link").ClickAsync();
            await Expect(cashier.By("demo-link")).ToHaveAttributeAsync("data-state", "up");
            await cashier.WaitForQueueDepthAsync(0, Patience.Exchanges);
            await cashier.WaitForSyncStateAsync("online", Patience.Exchanges);

            using var hq = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hqPort}") };
            hq.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.ManagerToken);
            var orders = (await hq.GetFromJsonAsync("/api/v1/orders?tillId=1&limit=500", TillSyncJsonContext.Default.OrderPage))!.Orders;
            Assert.Equal(bills, orders.Select(o => o.Order.BillNo).Where(bills.Contains));
            Assert.Equal(orders.Count, orders.Select(o => o.ClientOrderId).Distinct().Count());
            Assert.Equal(0, await demo.InterruptAsync());
        }
        catch
        {
            output.WriteLine(demo.Output());
            throw;
        }
        finally
        {
            TempDirs.Delete(data);
        }
    }
}
