// Proves the promotions page's "How it did" view (real HQ, Debian chromium): after a bill under buy-2-get-1 and ₹100 off
// ₹1,000 and the return of a ghee that took the bill below ₹1,000, a manager reaches the bill promotion's report by keyboard,
// reads its figures by store and day and from when they count, exports them as CSV (the API's figures, in rupees), sees
// HQ's refusal of a From after To in words, and Escape gives the focus back to the row's button.
using System.Globalization;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Sync;
using TillSync.Core.EInvoicing;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class PromotionReportPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task HowItDid_ByStoreAndDay_ExportCsv_RefusalInWords_EscapeReturnsFocus()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("promotion-report-hq"));
        await hq.SetUpShopAsync();
        var till = await hq.EnrolTillAsync("Counter 1");
        var soapDeal = await hq.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
        var billDeal = await hq.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
        var orders = new OrderFactory(till.BillPrefix);
        // Soap 3 × ₹45.00 with one free and ghee 2 × ₹650.00: ₹100.00 off, spread ₹6.48 and ₹93.52; then one ghee back,
        // which takes back the ₹60.00 the kept goods no longer earn (docs/returns.md, "Promotions").
        var sale = orders.NextWalkIn(
        [
            OrderFactory.Line("SOAP-125G", 3, 4_500 + 648) with { PromotionId = soapDeal.Id, PromotionPaise = 4_500 },
            OrderFactory.Line("GHEE-1L", 2, 9_352),
        ]) with { BillPromotion = new BillPromotionDto(billDeal.Id, 10_000) };
        var ghee = new ReturnFactory(orders, till.BillPrefix).Next(sale, till.TillId, [(2, 1m, ReturnConditions.Restock)], takeBackPaise: [6_000]);
        var reply = await hq.SyncDocumentsAsTillAsync(till.Token, [TillClient.SaleDocument(sale), ghee]);
        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });

        var page = await BackOffice.OpenAsync(context, hq, "/promotions");

        var opener = page.GetByRole(AriaRole.Button, new() { Name = $"How promotion {billDeal.Id} did" });
        await opener.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var panel = page.Locator("#report");
        await Expect(panel).ToBeFocusedAsync();
        await Expect(page.Locator("#report-title")).ToHaveTextAsync($"How promotion {billDeal.Id} \"₹100 off ₹1,000\" did");
        var store = page.Locator("#report-stores tbody tr");
        await Expect(store).ToHaveCountAsync(1);
        // Bills, lines' units and free units, credit notes, units back; the saving (₹112.38 with GST), what came back with
        // the ghee, what was taken back, the net saving's paisa of rounding, net sales and revenue before GST.
        await Expect(store.Locator("th, td")).ToHaveTextAsync(
            ["Hosur Road Provisions", "1", "5", "0", "1", "1", "112.38", "52.37", "60.00", "0.01", "834.20", "740.34"]);
        var day = DocumentDates.Of(sale.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#report-days tbody tr").First.Locator("th")).ToHaveTextAsync(day);
        // The promotion began an hour before this HQ started, and with it the report: the page says from when it counts.
        await Expect(page.Locator("#report-since")).ToContainTextAsync("when HQ began keeping this report: bills it recorded before then are not in it.");
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(Artifacts.FolderFor(nameof(HowItDid_ByStoreAndDay_ExportCsv_RefusalInWords_EscapeReturnsFocus)), "promotion-report.png"), FullPage = true,
        });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export report CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal($"promotion-{billDeal.Id}.csv", download.SuggestedFilename);
        Assert.Equal("section,store_or_date,bills,lines,units_sold,units_free,credit_notes,units_returned,saving_rupees,saving_returned_rupees," +
            "taken_back_rupees,net_saving_rupees,net_sales_rupees,net_revenue_rupees", csv[0]);
        const string Figures = "1,2,5,0,1,1,112.38,52.37,60.00,0.01,834.20,740.34";
        Assert.Equal([$"store,Hosur Road Provisions,{Figures}", $"total,all stores,{Figures}"], csv[1..3]);
        Assert.Contains($"day,{day},", csv[3], StringComparison.Ordinal);

        // A From after To: HQ's sentence, and no stale figures beside it.
        await page.GetByLabel("Report from business day").FillAsync("2026-12-05");
        await page.GetByLabel("Report to business day").FillAsync("2026-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#report-error")).ToHaveTextAsync(
            $"Could not show how promotion {billDeal.Id} did: from (2026-12-05) is after to (2026-12-01).");
        await Expect(page.Locator("#report-figures")).ToBeHiddenAsync();

        await panel.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"How promotion {billDeal.Id} did" })).ToBeFocusedAsync();
    }
}
