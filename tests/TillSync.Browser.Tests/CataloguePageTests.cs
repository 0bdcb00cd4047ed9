// Proves HQ's catalogue and tills pages (real HQ, a real till, Debian chromium): a price edited by keyboard reaches the
// till's catalogue; a CSV import with a bad row is refused with the row's line and reason and applies nothing, and the
// corrected file applies every row; the catalogue exports as the CSV the import reads; a till enrolled on the page gets
// its token once, and once revoked on the page HQ answers that token 401; a dead till's replacement shows its gap, then and
// later from the till's row. A catalogue of hundreds of products is shown a page at a time and searched and exported by HQ.
// An enrol pressed before the stores have loaded is held by the form, never sent as store 0.
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Catalog;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class CataloguePageTests(BrowserFixture browser)
{
    private const string Header = "sku,name,hsn,unit,gst_rate_percent,price_rupees,cost_rupees,mrp_rupees,tax_inclusive,barcode";

    [Fact]
    public async Task Catalogue_PriceReachesTheTill_ImportAllOrNothing_Export_ThenTillsEnrolRevokeReplace()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("catalogue-hq"));
        await hq.SetUpShopAsync();
        var counter = await hq.EnrolTillAsync("Counter 1");
        using var till = await TillServer.StartAsync(hq.Address, counter.Token, fixedPort: true);
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/catalogue");

        await page.GetByLabel("Find a product").FillAsync("soap");
        await page.GetByLabel("Find a product").PressAsync("Enter");
        var rows = page.Locator("#list tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the price of SOAP-125G" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("Selling price in rupees")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Selling price in rupees")).ToHaveValueAsync("45.00");
        await page.GetByLabel("Selling price in rupees").FillAsync("42.50");
        await page.GetByLabel("Selling price in rupees").PressAsync("Enter");
        await Expect(page.Locator("#done")).ToContainTextAsync("SOAP-125G: price ₹42.50 saved");
        await Expect(rows.Nth(0).Locator("td").Nth(5)).ToHaveTextAsync("42.50");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit the price of SOAP-125G" })).ToBeFocusedAsync();

        // The till takes a snapshot when it starts (and every few minutes): restarted, it bills the new price.
        await till.RestartAsync();
        using (var cashier = new HttpClient { BaseAddress = till.Address })
        {
            await Poll.UntilAsync(async () => JsonDocument.Parse(await cashier.GetStringAsync(new Uri("/api/products/SOAP-125G", UriKind.Relative))).RootElement.GetProperty("pricePaise").GetInt64(),
                price => price == 4_250, Patience.Exchanges, price => $"the till still bills SOAP-125G at {price} paise");
        }

        // A file with one bad row: refused, the row named by its line, nothing applied (not even the good row).
        var bad = string.Join("\n", Header, "TEA-250G,\"Assam Tea, 250 g\",0902,PCS,5,140,110,,no,", "DAL-1KG,Toor dal 1 kg,07A3,PCS,5,160,130,,no,", "");
        await page.GetByLabel("Catalogue CSV file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.Locator("#import-error")).ToContainTextAsync("1 of 2 rows are bad; nothing was applied.");
        await Expect(page.Locator("#bad-rows tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#bad-rows tbody tr[data-line='3']")).ToContainTextAsync("hsn '07A3' must be 4 to 8 digits");
        Assert.DoesNotContain(await hq.ProductsAsync(), p => p.Sku == "TEA-250G");

        var good = bad.Replace("07A3", "0713", StringComparison.Ordinal);
        await page.GetByLabel("Catalogue CSV file").SetInputFilesAsync(new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("Imported 2 products from good.csv.");
        await Expect(page.Locator("#bad-rows")).ToBeHiddenAsync();
        var products = await hq.ProductsAsync();
        Assert.Equal((14_000L, 500, "0713"), (products.Single(p => p.Sku == "TEA-250G").PricePaise, products.Single(p => p.Sku == "TEA-250G").GstRateBp,
            products.Single(p => p.Sku == "DAL-1KG").Hsn));

        await page.GetByLabel("Find a product").FillAsync("");
        await page.GetByLabel("Find a product").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(Shop.Products.Count + 2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("catalogue.csv", download.SuggestedFilename);
        Assert.Equal(Header + ",retired", csv[0]);
        Assert.Contains("BISCUIT-800G,Biscuits 800 g,1905,PCS,5,90.00,78.00,90.00,yes,8901719101038,no", csv);
        Assert.Contains("SOAP-125G,Sandal Soap 125 g,3401,PCS,18,42.50,32.00,,no,8901399003119,no", csv);
        Assert.Contains("TEA-250G,\"Assam Tea, 250 g\",0902,PCS,5,140.00,110.00,,no,,no", csv);

        // Tills: enrol one (its token shown once, and it works), revoke it (HQ answers its token 401), replace the first.
        // A manager quicker than the stores' list: the form is not sent (it once went as "storeId 0 is not a store").
        var storesHeld = new TaskCompletionSource();
        var tillWrites = 0;
        page.Request += (_, request) => { if (request.Method == "POST" && request.Url.EndsWith("/api/v1/tills", StringComparison.Ordinal)) Interlocked.Increment(ref tillWrites); };
        await page.RouteAsync("**/api/v1/stores", async route => { await storesHeld.Task; await route.ContinueAsync(); });
        await BackOffice.Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Tills", Exact = true }).ClickAsync();
        await page.GetByLabel("New till's name").FillAsync("Counter 9");
        await page.GetByLabel("New till's name").PressAsync("Enter");
        Assert.True(await page.Locator("#enrol-store").EvaluateAsync<bool>("s => s.validity.valueMissing"));
        await Expect(page.Locator("#enrol-error")).ToBeHiddenAsync();
        storesHeld.SetResult();
        await Expect(page.GetByLabel("New till's store")).ToHaveValueAsync("1");
        Assert.Equal(0, Volatile.Read(ref tillWrites));
        await page.UnrouteAsync("**/api/v1/stores");
        await page.GetByLabel("New till's name").PressAsync("Enter");
        await Expect(page.Locator("#issued")).ToBeFocusedAsync();
        await Expect(page.Locator("#issued-title")).ToContainTextAsync("Counter 9 enrolled in store 1, bill prefix T02");
        var token = await page.Locator("#issued-token").TextContentAsync();
        Assert.StartsWith("till_", token, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await hq.TillTokenStatusAsync(token!));
        var enrolled = (await hq.TillsAsync()).Single(t => t.Name == "Counter 9");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Counter 9" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, revoke Counter 9" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#fleet tr[data-till='{enrolled.TillId}'] .pill")).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await hq.TillTokenStatusAsync(token!));

        var nextSeq = (await hq.TillsAsync()).Single(t => t.TillId == counter.TillId).NextSeq;
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace Counter 1" }).ClickAsync();
        await page.GetByLabel("Numbers to reserve").FillAsync("3");
        await page.GetByLabel("Numbers to reserve").PressAsync("Enter");
        await Expect(page.Locator("#issued-title")).ToContainTextAsync("Counter 1: the new device's token");
        await Expect(page.Locator("#issued-gap")).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"Numbers {nextSeq} to "));
        await Expect(page.Locator("#issued-gap")).ToContainTextAsync("3 reserved");
        Assert.Equal(HttpStatusCode.Unauthorized, await hq.TillTokenStatusAsync(counter.Token));
        await Expect(page.Locator("#error")).ToBeHiddenAsync();

        // Later, the till's row still says a replacement left a gap, and lists it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Numbering gaps of Counter 1" }).ClickAsync();
        await Expect(page.Locator("#gaps")).ToBeFocusedAsync();
        await Expect(page.Locator("#gaps-title")).ToHaveTextAsync("Counter 1: numbering gaps");
        var gap = page.Locator("#gaps-table tbody tr");
        await Expect(gap).ToHaveCountAsync(1);
        await Expect(gap.Locator("td").Nth(1)).ToHaveTextAsync(nextSeq.ToString(CultureInfo.InvariantCulture));
        await Expect(gap.Locator("td").Nth(6)).ToHaveTextAsync("3");
        // The list is drawn again while the panel is open (as the page's refresh does every 5 s): the button that opened it
        // is gone, and Escape gives the focus to the one drawn in its place (it once left the focus nowhere).
        var opener = await page.GetByRole(AriaRole.Button, new() { Name = "Numbering gaps of Counter 1" }).ElementHandleAsync();
        await page.Locator("#store").DispatchEventAsync("change");
        Assert.False(await opener.EvaluateAsync<bool>("b => b.isConnected"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#gaps")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Numbering gaps of Counter 1" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Catalogue_OfManyProducts_ShowsAPageAtATime_FindsBeyondTheFirstPage_EditsInPlace_ExportsEveryMatch()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("catalogue-many-hq"));
        await hq.SetUpShopAsync();
        var bulk = Enumerable.Range(1, 230).Select(i => new ProductDto(
            string.Create(CultureInfo.InvariantCulture, $"BULK-{i:D4}"), string.Create(CultureInfo.InvariantCulture, $"Bulk item {i}"), "0902", "PCS", 500,
            10_000 + i, 8_000, i == 215 ? "8900000000215" : null, TaxInclusive: true)).ToList();
        await hq.UpsertProductsAsync(bulk);
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/catalogue");
        var rows = page.Locator("#list tbody tr");

        await page.GetByLabel("Find a product").FillAsync("bulk");
        await page.GetByLabel("Find a product").PressAsync("Enter");
        await Expect(page.Locator("#count")).ToHaveTextAsync("100 shown, more match");
        await Expect(rows).ToHaveCountAsync(100);
        await page.GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("230 shown");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "More" })).ToBeHiddenAsync();
        await Expect(rows.Nth(229)).ToHaveAttributeAsync("data-sku", "BULK-0230");

        // A price edited on the third page is saved and redrawn where it stands.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the price of BULK-0215" }).ClickAsync();
        await page.GetByLabel("Selling price in rupees").FillAsync("99.50");
        await page.GetByLabel("Selling price in rupees").PressAsync("Enter");
        await Expect(page.Locator("#done")).ToContainTextAsync("BULK-0215: price ₹99.50 saved");
        await Expect(rows).ToHaveCountAsync(230);
        await Expect(rows.Nth(214).Locator("td").Nth(5)).ToHaveTextAsync("99.50");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit the price of BULK-0215" })).ToBeFocusedAsync();
        Assert.Equal(9_950, (await hq.ProductsAsync()).Single(p => p.Sku == "BULK-0215").PricePaise);

        // HQ finds a product by its barcode, whichever page it is on.
        await page.GetByLabel("Find a product").FillAsync("8900000000215");
        await page.GetByLabel("Find a product").PressAsync("Enter");
        await Expect(page.Locator("#count")).ToHaveTextAsync("1 shown");
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-sku", "BULK-0215");

        await page.GetByLabel("Find a product").FillAsync("bulk");
        await page.GetByLabel("Find a product").PressAsync("Enter");
        await Expect(page.Locator("#count")).ToHaveTextAsync("100 shown, more match");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(231, csv.Length);
        Assert.Equal(Header + ",retired", csv[0]);
        Assert.Equal(bulk.Select(p => p.Sku), csv.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("BULK-0215,Bulk item 215,0902,PCS,5,99.50,80.00,,yes,8900000000215,no", csv);
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Retire_AsksFirst_HidesTheProduct_ShowRetiredListsIt_ExportSaysIt_BringBackRestores()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("retire-hq"));
        await hq.SetUpShopAsync();
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/catalogue");
        var rows = page.Locator("#list tbody tr");
        await page.GetByLabel("Find a product").FillAsync("soap");
        await page.GetByLabel("Find a product").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);

        // Asked first; Escape changes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire SOAP-125G" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, retire SOAP-125G" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#confirm")).ToBeHiddenAsync();
        Assert.Null((await hq.ProductsAsync()).Single(p => p.Sku == "SOAP-125G").RetiredAt);

        await page.GetByRole(AriaRole.Button, new() { Name = "Retire SOAP-125G" }).ClickAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#done")).ToContainTextAsync("SOAP-125G retired; tills stop selling it at their next catalogue update.");
        await Expect(rows).ToHaveCountAsync(0);
        Assert.NotNull((await hq.ProductsAsync()).Single(p => p.Sku == "SOAP-125G").RetiredAt);

        await page.GetByLabel("Show retired products").CheckAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0).Locator(".pill.retired")).ToHaveTextAsync("retired");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(["sku,name,hsn,unit,gst_rate_percent,price_rupees,cost_rupees,mrp_rupees,tax_inclusive,barcode,retired",
            "SOAP-125G,Sandal Soap 125 g,3401,PCS,18,45.00,32.00,,no,8901399003119,yes"], csv);

        await page.GetByRole(AriaRole.Button, new() { Name = "Bring back SOAP-125G" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, bring back SOAP-125G" }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("SOAP-125G is on sale again");
        await Expect(rows.Nth(0).Locator(".pill.retired")).ToHaveCountAsync(0);
        Assert.Null((await hq.ProductsAsync()).Single(p => p.Sku == "SOAP-125G").RetiredAt);
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task RoleLimits_BadPercentRefusedAndNothingSaved_ThenSavedByKeyboard()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("role-limits-hq"));
        await hq.SetUpShopAsync();
        var before = await hq.RoleLimitsAsync();
        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/catalogue");
        var cashierPercent = page.GetByLabel("Cashier: most markdown in percent");
        await Expect(cashierPercent).ToHaveValueAsync("10");
        await Expect(page.GetByLabel("Cashier: may override the price")).Not.ToBeCheckedAsync();

        await cashierPercent.FillAsync("abc");
        await cashierPercent.PressAsync("Enter");
        await Expect(page.Locator("#limits-error")).ToContainTextAsync("Cashier: \"abc\" is not a markdown from 0 to 100 %");
        await page.GetByLabel("Supervisor: most markdown in percent").FillAsync("150");
        await cashierPercent.FillAsync("12.5");
        await cashierPercent.PressAsync("Enter");
        await Expect(page.Locator("#limits-error")).ToContainTextAsync("Supervisor: \"150\" is not a markdown from 0 to 100 %");
        Assert.Equal(before, await hq.RoleLimitsAsync());

        await page.GetByLabel("Supervisor: most markdown in percent").FillAsync("40");
        await page.GetByLabel("Cashier: may override the price").CheckAsync();
        await cashierPercent.PressAsync("Enter");
        await Expect(page.Locator("#limits-done")).ToContainTextAsync("Saved: Cashier 12.5 % and overrides, Supervisor 40 % and overrides, Manager 100 % and overrides.");
        await Expect(page.Locator("#limits-error")).ToBeHiddenAsync();
        Assert.Equal([("cashier", 1_250, true), ("supervisor", 4_000, true), ("manager", 10_000, true)],
            (await hq.RoleLimitsAsync()).Select(l => (l.Role, l.DiscountBpMax, l.MayOverride)));
    }
}
