// Proves HQ's loyalty page (real HQ, Debian chromium): the settings shown are HQ's, a change saved on the page is what HQ
// then answers, a bad figure is refused in words and changes nothing; a customer found by phone shows their movements
// newest first, each with the balance after it, a hundred at a time, and exports every one of them as CSV.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class LoyaltyPageTests(BrowserFixture browser)
{
    private const string Phone = "9845012345";

    [Fact]
    public async Task Loyalty_ChangeTheSettings_ThenACustomersLedgerWithRunningBalance()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("loyalty-hq"));
        await hq.SetUpShopAsync();
        var till = await hq.EnrolTillAsync("Counter 1");
        var orders = new OrderFactory(till.BillPrefix);
        var first = orders.Next([OrderFactory.Line("GHEE-1L", 1)], new CustomerDto(Phone)) with { Loyalty = new LoyaltyDto(7, 0, null) };
        var second = orders.Next([OrderFactory.Line("RICE-5KG", 1)], new CustomerDto(Phone)) with { Loyalty = new LoyaltyDto(3, 0, null) };
        Assert.All((await hq.SyncAsTillAsync(till.Token, [first, second])).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/loyalty");

        await Expect(page.GetByLabel("Points earned per 100 rupees")).ToHaveValueAsync("1");
        await Expect(page.GetByLabel("Value of a point in paise")).ToHaveValueAsync("25");
        await page.GetByLabel("Value of a point in paise").FillAsync("abc");
        await page.GetByLabel("Value of a point in paise").PressAsync("Enter");
        await Expect(page.Locator("#settings-error")).ToContainTextAsync("\"abc\" is not a whole number");
        await page.GetByLabel("Value of a point in paise").FillAsync("0");
        await page.GetByLabel("Value of a point in paise").PressAsync("Enter");
        await Expect(page.Locator("#settings-error")).ToContainTextAsync("burnValuePaisePerPoint must be 1 to 10000 paise.");
        await page.GetByLabel("Points earned per 100 rupees").FillAsync("2");
        await page.GetByLabel("Value of a point in paise").FillAsync("50");
        await page.GetByLabel("GST treatment of a burn").SelectOptionAsync("discount");
        await page.GetByLabel("Value of a point in paise").PressAsync("Enter");
        await Expect(page.Locator("#settings-done")).ToContainTextAsync("Saved: 2 points per ₹100, a point worth ₹0.50.");
        await Expect(page.Locator("#settings-error")).ToBeHiddenAsync();
        var saved = await hq.LoyaltySettingsAsync();
        Assert.Equal((2, 50L, "discount"), (saved.EarnPointsPer100Rupees, saved.BurnValuePaisePerPoint, saved.BurnGstTreatment));

        await page.GetByLabel("Customer phone").FillAsync(Phone);
        await page.GetByLabel("Customer phone").PressAsync("Enter");
        await Expect(page.Locator("#customer-summary")).ToContainTextAsync("10 points (₹5.00)");
        var rows = page.Locator("#ledger tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator("td").Nth(4)).ToHaveTextAsync("+3");
        await Expect(rows.Nth(0).Locator("td").Nth(5)).ToHaveTextAsync("10");
        await Expect(rows.Nth(1).Locator("td").Nth(4)).ToHaveTextAsync("+7");
        await Expect(rows.Nth(1).Locator("td").Nth(5)).ToHaveTextAsync("7");
        await Expect(rows.Nth(1)).ToContainTextAsync(first.ClientOrderId.ToString());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal($"loyalty-{Phone}.csv", download.SuggestedFilename);
        Assert.Equal("movement_id,created_at,kind,points,balance_after,client_order_id,till,review_id", csv[0]);
        Assert.Equal([("earn", "3", "10", second.ClientOrderId.ToString()), ("earn", "7", "7", first.ClientOrderId.ToString())],
            csv.Skip(1).Select(l => l.Split(',')).Select(f => (f[2], f[3], f[4], f[5])));

        // A regular's hundred and third visit: the newest hundred shown, More shows the three oldest, the export has all.
        var visits = Enumerable.Range(0, 101).Select(_ => orders.Next([OrderFactory.Line("RICE-5KG", 1)], new CustomerDto(Phone)) with { Loyalty = new LoyaltyDto(1, 0, null) }).ToList();
        Assert.All((await hq.SyncAsTillAsync(till.Token, visits)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        await page.GetByLabel("Customer phone").PressAsync("Enter");
        await Expect(page.Locator("#count")).ToHaveTextAsync("100 movements shown, older ones follow");
        await Expect(rows).ToHaveCountAsync(100);
        await Expect(rows.Nth(0).Locator("td").Nth(5)).ToHaveTextAsync("111");
        await page.GetByRole(AriaRole.Button, new() { Name = "More" }).ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("103 movements shown, back to the first");
        await Expect(rows.Nth(102).Locator("td").Nth(5)).ToHaveTextAsync("7");
        await Expect(rows.Nth(101).Locator("td").Nth(5)).ToHaveTextAsync("10");
        var all = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var allRows = await File.ReadAllLinesAsync((await all.PathAsync())!);
        Assert.Equal(104, allRows.Length);
        Assert.Equal(Enumerable.Range(7, 105).Where(b => b is 7 or >= 10).Reverse().Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            allRows.Skip(1).Select(l => l.Split(',')[4]));

        await page.GetByLabel("Customer phone").FillAsync("12345");
        await page.GetByLabel("Customer phone").PressAsync("Enter");
        await Expect(page.Locator("#lookup-error")).ToContainTextAsync("phone must be a 10-digit Indian mobile number.");
    }
}
