// Proves HQ's reviews page lets a manager find, open and resolve a stock shortfall with the keyboard: two tills sold
// the last ghee offline, the page lists the short bill, shows the competing bill, preselects no action, refuses a
// mistyped quantity in words and one above the short one with HQ's own message, asks to confirm, and a transfer_in closes
// the item and brings on-hand back to zero. Real HQ, Debian chromium.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class ReviewsPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Reviews_ListOpenAndResolveAShortfall_WithTheKeyboard()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Reviews_ListOpenAndResolveAShortfall_WithTheKeyboard));
        var ghee = Shop.Product("GHEE-1L");
        await session.Hq.AdjustStockAsync(new StockAdjustmentRequest([new StockAdjustmentLine(ghee.Sku, 4 - Shop.OpeningStock)], "stock-take: 4 left"));
        var tillA = await session.Hq.EnrolTillAsync("Counter A");
        var tillB = await session.Hq.EnrolTillAsync("Counter B");
        var line = new OrderLineDto(ghee.Sku, 3, ghee.PricePaise, 0, ghee.GstRateBp);
        var saleA = new OrderFactory(tillA.BillPrefix).Build(1, [line]);
        var saleB = new OrderFactory(tillB.BillPrefix).Build(1, [line]);
        await session.Hq.SyncAsTillAsync(tillA.Token, [saleA]);
        Assert.Equal([OrderFlags.StockShort], (await session.Hq.SyncAsTillAsync(tillB.Token, [saleB])).Results[0].Flags);

        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, session.Hq, "/reviews");
        var row = page.Locator("#reviews tbody tr", new() { HasText = saleB.BillNo });
        await Expect(row).ToContainTextAsync("stock short");
        await Expect(row).ToContainTextAsync("Counter B");

        // Filter by SKU and open the item, all from the keyboard.
        await page.GetByLabel("SKU").FillAsync("ghee-1l");
        await page.GetByLabel("SKU").PressAsync("Enter");
        await Expect(page.Locator("#reviews tbody tr")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("reviews.csv", download.SuggestedFilename);
        Assert.StartsWith("review_id,kind,status,store,till,till_name,bill_no,", csv[0], StringComparison.Ordinal);
        Assert.Equal([("stock_short", "open", saleB.BillNo, "GHEE-1L")], csv.Skip(1).Select(l => l.Split(',')).Select(f => (f[1], f[2], f[6], f[8])));
        await row.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var detail = page.Locator("#detail");
        await Expect(detail).ToContainTextAsync(saleB.BillNo);
        await Expect(page.Locator("#d-competing")).ToContainTextAsync(saleA.BillNo);
        await Expect(page.Locator("#d-competing")).ToContainTextAsync("Counter A");
        await Expect(page.GetByLabel("Action")).ToBeFocusedAsync();

        // Issue 22: nothing is preselected, a quantity typed as "abc" is refused in words (it once wrote off the whole
        // shortfall), and a decision is confirmed before it is sent.
        var resolve = page.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true });
        await Expect(page.GetByLabel("Action")).ToHaveValueAsync("");
        await page.GetByLabel("Note (why)").FillAsync("two jars carried over from the back store");
        await resolve.PressAsync("Enter");
        await Expect(page.Locator("#r-error")).ToHaveTextAsync("Choose an action.");
        await page.GetByLabel("Action").SelectOptionAsync("write_off");
        await page.GetByLabel("Qty").FillAsync("abc");
        await resolve.PressAsync("Enter");
        await Expect(page.Locator("#r-error")).ToContainTextAsync("Quantity \"abc\" is not a number of units");
        await Expect(page.Locator("#r-confirm")).ToBeHiddenAsync();
        await page.GetByLabel("Qty").FillAsync("");
        await resolve.PressAsync("Enter");
        await Expect(page.Locator("#r-error")).ToContainTextAsync("Type the quantity this write off covers: at most 2");
        Assert.Contains(await session.Hq.OpenReviewsAsync(), i => i.BillNo == saleB.BillNo);
        Assert.Equal(-2m, await session.Hq.OnHandAsync(ghee.Sku));

        await page.GetByLabel("Action").SelectOptionAsync("transfer_in");
        await page.GetByLabel("Qty").FillAsync("3");
        await resolve.PressAsync("Enter");
        await Expect(page.Locator("#r-confirm")).ToContainTextAsync($"Transfer in 3 × GHEE-1L for bill {saleB.BillNo}? This cannot be undone.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#r-error")).ToContainTextAsync("more than the short quantity 2");
        Assert.Equal(-2m, await session.Hq.OnHandAsync(ghee.Sku));

        await page.GetByLabel("Qty").FillAsync("2");
        await resolve.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).PressAsync("Enter");
        await Expect(page.Locator("#r-ok")).ToContainTextAsync("Resolved: transfer_in (+2 GHEE-1L in store 1)");
        await Expect(page.Locator("#d-facts")).ToContainTextAsync("resolved");
        await Expect(page.Locator("#reviews tbody")).ToContainTextAsync("Nothing to review");
        Assert.Equal(0m, await session.Hq.OnHandAsync(ghee.Sku));
        var path = Path.Combine(session.ScreenshotFolder, "reviews-resolved.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
