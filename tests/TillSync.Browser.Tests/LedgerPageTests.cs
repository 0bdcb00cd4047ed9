// Proves HQ's books page shows a manager the trial balance, GST summary and day's sales of real sales: two cash sales
// made on the cashier page reach HQ, and the page shows them in assets:cash and revenue:sales, the totals balanced, the
// GST rows by rate and the day's two bills — by month for all time, by day when asked — the same figures as HQ's API;
// each table exports as CSV with those figures. A cost change shows as the stock it revalued, with its account.
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Accounting;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class LedgerPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Ledger_AfterTwoCashSales_ShowsBalancedTrialBalanceAndGstByRate()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Ledger_AfterTwoCashSales_ShowsBalancedTrialBalanceAndGstByRate));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.WaitForSyncStateAsync("online", Patience.Exchanges);
            await cashier.SellForCashAsync(("RICE-5KG", "RICE-5KG", "1"), ("SOAP-125G", "SOAP-125G", "1"), ("SOAP-125G", "SOAP-125G", "2"));
            await cashier.SellForCashAsync(("GHEE-1L", "GHEE-1L", "1"));
            await cashier.WaitForQueueDepthAsync(0, Patience.Exchanges);
        });
        using var api = new HttpClient { BaseAddress = session.Hq.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", session.Hq.AdminToken);
        var trialBalance = (await api.GetFromJsonAsync<TrialBalanceView>("/api/v1/ledger/trial-balance", Json))!;
        var cashPaise = trialBalance.Rows.Single(r => r.Account == "assets:cash").BalancePaise;

        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, session.Hq, "/ledger");

        var cashRow = page.Locator("tr[data-account='assets:cash']");
        await Expect(cashRow).ToContainTextAsync(Rupees(cashPaise));
        await Expect(page.Locator("tr[data-account='revenue:sales']")).ToBeVisibleAsync();
        await Expect(page.Locator("tr[data-account='liabilities:gst:cgst:18%']")).ToBeVisibleAsync();
        await Expect(page.Locator("#tb-balance")).ToHaveTextAsync("0.00 — balanced");
        var gstRows = page.Locator("#gst tbody tr");
        await Expect(gstRows.Filter(new() { HasText = "18%" })).ToContainTextAsync("B2C");
        await Expect(gstRows.Filter(new() { HasText = "12%" })).ToContainTextAsync("intra-state");
        await Expect(page.Locator("#gst-invoices")).ToHaveTextAsync("2");
        // The day's sales: both bills in the period's total (a cash sale's total is what the cash account received).
        await Expect(page.Locator("#ds-bills")).ToHaveTextAsync("2");
        await Expect(page.Locator("#ds-total")).ToHaveTextAsync(Rupees(cashPaise));
        // All time is shown by month (a row per day would be years of rows); by day when asked.
        var saleDate = (await api.GetFromJsonAsync<DaySalesView>("/api/v1/ledger/day-sales?by=day", Json))!.Days.Single().Date!;
        await Expect(page.Locator("#ds-title")).ToHaveTextAsync("Sales by month");
        await Expect(page.Locator($"#day-sales tbody tr[data-date='{saleDate[..7]}']")).ToContainTextAsync(Rupees(cashPaise));
        await page.GetByLabel("Sales by").SelectOptionAsync("day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#ds-title")).ToHaveTextAsync("Day's sales");
        await Expect(page.Locator($"#day-sales tbody tr[data-date='{saleDate}']")).ToContainTextAsync(Rupees(cashPaise));

        // Each table as a spreadsheet: the trial balance's rows balance to zero, with cash as HQ holds it; the day's sales
        // and the GST summary carry the same two bills.
        var balance = await CsvAsync(page, "Export trial balance CSV");
        Assert.Equal("account,debit_rupees,credit_rupees,balance_rupees", balance[0]);
        Assert.Equal((trialBalance.Rows.Count + 2, "total"), (balance.Length, balance[^1].Split(',')[0]));
        Assert.Equal(Plain(cashPaise), balance.Single(l => l.StartsWith("assets:cash,", StringComparison.Ordinal)).Split(',')[3]);
        Assert.Equal(0m, balance.Skip(1).SkipLast(1).Sum(l => decimal.Parse(l.Split(',')[3].TrimStart('\''), CultureInfo.InvariantCulture)));
        var sales = await CsvAsync(page, "Export sales CSV");
        Assert.Equal([(saleDate, "2", Plain(cashPaise))], sales.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], f[1], f[4])));
        var gst = await CsvAsync(page, "Export GST summary CSV");
        var invoiceRows = gst.Skip(1).Where(l => l.StartsWith("invoice,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        Assert.Equal(await gstRows.CountAsync(), invoiceRows.Count);
        Assert.Contains(invoiceRows, f => f[3] == "18");
        Assert.Contains(invoiceRows, f => f[3] == "12");
        var path = Path.Combine(session.ScreenshotFolder, "ledger.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    [Fact]
    public async Task Ledger_AfterACostChange_ShowsTheStockRevaluedAndItsAccount()
    {
        // Sandal soap's cost goes from ₹32.00 to ₹32.02 with the opening 50,000 bars on hand: inventory gains ₹1,000.00.
        using var hq = await HqServer.StartAsync(TempDirs.Create("ledger-cost-hq"));
        await hq.SetUpShopAsync();
        var soap = Shop.Products.Single(p => p.Sku == "SOAP-125G");
        await hq.UpsertProductsAsync([soap with { CostPaise = soap.CostPaise + 2 }]);
        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/ledger");

        var revaluations = page.Locator("#revaluations tbody tr");
        await Expect(revaluations).ToHaveCountAsync(1);
        await Expect(revaluations.Locator("td").Nth(2)).ToHaveTextAsync("Cost change, stock revalued: SOAP-125G 50000 on hand from 32.00 to 32.02");
        await Expect(revaluations.Locator("td").Nth(3)).ToHaveTextAsync(Rupees(100_000));
        await Expect(page.Locator("tr[data-account='expenses:revaluation']")).ToContainTextAsync(Rupees(100_000));
        await Expect(page.Locator("#tb-balance")).ToHaveTextAsync("0.00 — balanced");
    }

    private static async Task<string[]> CsvAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync());
        return await File.ReadAllLinesAsync((await download.PathAsync())!);
    }

    // As the exports write rupees: two decimals, no grouping.
    private static string Plain(long paise) => (paise / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    // As the page writes rupees (en-IN): two decimals, digits grouped; below one lakh that is the familiar 1,234.56.
    private static string Rupees(long paise)
    {
        Assert.InRange(paise, 0, 99_999_99);
        return (paise / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
    }
}
