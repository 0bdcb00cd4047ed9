// Proves HQ's stock page (real HQ, Debian chromium), by keyboard: a receipt whose answer is lost on the way back is sent
// again with its Idempotency-Key and received once; on-hand and the SKU's movement show it; a count typed as "abc" or 0
// is refused in words and changes nothing; an adjustment and a transfer to a second store move on-hand by their
// quantities; the filtered list exports as CSV with the figures HQ holds.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Stores;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class StockPageTests(BrowserFixture browser)
{
    private static readonly StoreDto Branch = new("29AABCH1234K1ZN", "Hosur Road Provisions Private Limited", "3 Bannerghatta Road", "Bengaluru", 560076, "29",
        TradeName: "JP Nagar branch");

    [Fact]
    public async Task Stock_ReceiptRetriedAfterALostAnswer_ReceivedOnce_AdjustTransferAndExport()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("stock-hq"));
        await hq.SetUpShopAsync();
        var branch = await hq.AddStoreAsync(Branch);
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/stock");
        var rows = page.Locator("#list tbody tr");
        await Expect(rows).ToHaveCountAsync(Shop.Products.Count);

        await page.GetByLabel("SKU or name").FillAsync("ghee");
        await page.GetByLabel("SKU or name").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("50000");

        // The first answer to the receipt is lost on its way back (HQ has recorded it); the manager sends it again.
        var receipts = 0;
        await page.RouteAsync("**/api/v1/stock/receipts", async route =>
        {
            if (Interlocked.Increment(ref receipts) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.GetByLabel("Received SKU").FillAsync("ghee-1l");
        await page.GetByLabel("Received quantity").FillAsync("12");
        await page.GetByLabel("Receipt note").FillAsync("INV-881");
        await page.GetByLabel("Receipt note").PressAsync("Enter");
        await Expect(page.Locator("#receive-error")).ToContainTextAsync("HQ did not answer");
        Assert.Equal(Shop.OpeningStock + 12, await hq.OnHandAsync("GHEE-1L"));
        await page.GetByLabel("Receipt note").PressAsync("Enter");
        await Expect(page.Locator("#receive-done")).ToContainTextAsync("12 of GHEE-1L received");
        await Expect(page.Locator("#receive-error")).ToBeHiddenAsync();
        Assert.Equal(2, receipts);
        Assert.Equal(Shop.OpeningStock + 12, await hq.OnHandAsync("GHEE-1L"));
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("50012");

        var sku = page.GetByRole(AriaRole.Button, new() { Name = "GHEE-1L", Exact = true });
        await sku.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#movements")).ToBeFocusedAsync();
        var movements = page.Locator("#movements-table tbody tr");
        await Expect(movements).ToHaveCountAsync(2);
        await Expect(movements.Nth(1)).ToContainTextAsync("receipt");
        await Expect(movements.Nth(1).Locator("td").Nth(4)).ToHaveTextAsync("INV-881");
        await Expect(movements.Nth(1).Locator("td").Nth(6)).ToHaveTextAsync("+12");
        await Expect(movements.Nth(1).Locator("td").Nth(7)).ToHaveTextAsync("50012");

        // Bad counts: refused in words, nothing moves.
        await page.GetByLabel("Adjusted SKU").FillAsync("GHEE-1L");
        await page.GetByLabel("Quantity change").FillAsync("abc");
        await page.GetByLabel("Adjustment reason").FillAsync("broken jar");
        await page.GetByLabel("Adjustment reason").PressAsync("Enter");
        await Expect(page.Locator("#adjust-error")).ToContainTextAsync("The quantity \"abc\" is not a number");
        await page.GetByLabel("Quantity change").FillAsync("0");
        await page.GetByLabel("Adjustment reason").PressAsync("Enter");
        await Expect(page.Locator("#adjust-error")).ToContainTextAsync("must not be 0");
        Assert.Equal(Shop.OpeningStock + 12, await hq.OnHandAsync("GHEE-1L"));

        await page.GetByLabel("Quantity change").FillAsync("-2");
        await page.GetByLabel("Adjustment reason").PressAsync("Enter");
        await Expect(page.Locator("#adjust-done")).ToContainTextAsync("GHEE-1L changed by -2");
        await Expect(movements).ToHaveCountAsync(3);
        await Expect(movements.Nth(2).Locator("td").Nth(4)).ToHaveTextAsync("broken jar");
        await Expect(movements.Nth(2).Locator("td").Nth(7)).ToHaveTextAsync("50010");
        var history = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export movements CSV" }).ClickAsync());
        Assert.Equal("movements-1-GHEE-1L.csv", history.SuggestedFilename);
        var historyRows = (await File.ReadAllLinesAsync((await history.PathAsync())!)).Select(l => l.Split(',')).ToList();
        Assert.Equal("movement_id,at,kind,reference,note,by,qty,on_hand_after", string.Join(',', historyRows[0]));
        Assert.Equal([("receipt", "opening stock", "50000"), ("receipt", "INV-881", "50012"), ("adjustment", "broken jar", "50010")],
            historyRows.Skip(1).Select(f => (f[2], f[4], f[7])));

        await page.GetByLabel("Receiving store of the transfer").SelectOptionAsync(branch.StoreId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Transferred SKU").FillAsync("GHEE-1L");
        await page.GetByLabel("Transferred quantity").FillAsync("5");
        await page.GetByLabel("Transfer note").FillAsync("challan 12");
        await page.GetByLabel("Transfer note").PressAsync("Enter");
        await Expect(page.Locator("#transfer-done")).ToContainTextAsync($"5 of GHEE-1L from store 1 to store {branch.StoreId}");
        Assert.Equal(Shop.OpeningStock + 5, await hq.OnHandAsync("GHEE-1L"));
        Assert.Equal(5m, await hq.OnHandAsync("GHEE-1L", branch.StoreId));
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("50005");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        Assert.Equal("stock.csv", download.SuggestedFilename);
        Assert.Equal(["store,sku,name,unit,on_hand,open_shortfalls", "1,GHEE-1L,Cow Ghee 1 L,PCS,50005,0"], await File.ReadAllLinesAsync((await download.PathAsync())!));
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
    }
}
