// Proves HQ's promotions page (real HQ, Debian chromium): a bill-value discount created on the page is listed running and
// reaches the API; a scheduled price above the MRP is refused with HQ's sentence and creates nothing; End now ends one.
using System.Globalization;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class PromotionsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Promotions_CreateListed_AboveMrpRefused_EndNow()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("promotions-hq"));
        await hq.SetUpShopAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/promotions");
        // The browser's local time, as a datetime-local field takes it.
        static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        await page.GetByLabel("Promotion name (printed on the receipt)").FillAsync("Diwali ₹100 off");
        await page.GetByLabel("Kind").SelectOptionAsync("bill_value");
        await page.GetByLabel("In force from").FillAsync(Local(DateTime.Now.AddHours(-1)));
        await page.GetByLabel("In force until").FillAsync(Local(DateTime.Now.AddDays(2)));
        await page.GetByLabel("Least bill in rupees").FillAsync("1000");
        await page.GetByLabel("Amount off in rupees").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("\"Diwali ₹100 off\" created");
        var row = page.Locator("#list tbody tr").First;
        await Expect(row).ToContainTextAsync("₹100.00 off ₹1,000.00 or more");
        await Expect(row.GetByTestId("promotion-state")).ToHaveTextAsync("running");

        await page.GetByLabel("Promotion name (printed on the receipt)").FillAsync("Biscuits at ₹95");
        await page.GetByLabel("Kind").SelectOptionAsync("scheduled_price");
        await page.GetByLabel("In force from").FillAsync(Local(DateTime.Now.AddHours(-1)));
        await page.GetByLabel("In force until").FillAsync(Local(DateTime.Now.AddDays(2)));
        await page.GetByLabel("SKUs, separated by spaces or commas").FillAsync("biscuit-800g");
        await page.GetByLabel("Promotional price in rupees").FillAsync("95");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.Locator("#create-error")).ToContainTextAsync("is above the MRP of 'BISCUIT-800G' (₹90.00)");
        await Expect(page.Locator("#list tbody tr")).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Button, new() { Name = "End promotion" }).ClickAsync();
        await Expect(page.Locator("#done")).ToContainTextAsync("\"Diwali ₹100 off\" ended.");
        await Expect(page.Locator("#list tbody tr").First.GetByTestId("promotion-state")).ToHaveTextAsync("ended early");
    }
}
