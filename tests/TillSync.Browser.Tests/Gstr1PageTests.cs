// Proves HQ's GSTR-1 page shows a manager a month's return by section: a B2B bill, a B2C large and a B2C small bill and a
// credit note reach a real HQ process, and the page, in Debian's chromium, driven by the keyboard, shows each section's
// totals as HQ's summary has them, the bills in their sections, the document summary, that the return ties to the
// journal, and downloads the JSON HQ answers for the portal.
using System.Globalization;
using System.Net.Http.Json;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Gst;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class Gstr1PageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Gstr1_ShowsEachSectionAndTheTie_AndDownloadsThePortalJson()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("gstr1-hq"));
        await hq.SetUpShopAsync();
        var till = await hq.EnrolTillAsync("Counter G");
        var orders = new OrderFactory(till.BillPrefix);
        var at = new DateTimeOffset(2026, 10, 9, 17, 0, 0, BillNumber.IstOffset);
        var b2b = orders.Build(orders.NextSeq++, [OrderFactory.Line("GHEE-1L", 2)], HqScenario.B2BIntraState, at);
        var large = orders.Build(orders.NextSeq++, [OrderFactory.Line("GHEE-1L", 150)], new CustomerDto(null, null, "Anita Desai", "27"), at);
        var small = orders.Build(orders.NextSeq++, [OrderFactory.Line("SOAP-125G", 3)], createdAt: at);
        var sales = await hq.SyncDocumentsAsTillAsync(till.Token, [TillClient.SaleDocument(b2b), TillClient.SaleDocument(large), TillClient.SaleDocument(small)]);
        var note = new ReturnFactory(orders, till.BillPrefix).Next(b2b, till.TillId, [(1, 1m, ReturnConditions.Restock)], createdAt: at);
        var notes = await hq.SyncDocumentsAsTillAsync(till.Token, [note]);
        Assert.All(sales.Results.Concat(notes.Results), r => Assert.Equal(SyncStatus.Created, r.Status));
        using var api = new HttpClient { BaseAddress = hq.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", hq.AdminToken);
        var summary = (await api.GetFromJsonAsync<Gstr1SummaryView>("/api/v1/gst/gstr1/summary?period=102026", Json))!;
        var json = await api.GetStringAsync(new Uri("/api/v1/gst/gstr1?period=102026", UriKind.Relative));

        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/gstr1");
        await Expect(page.Locator("#return")).ToBeVisibleAsync();
        await page.GetByLabel("Month").FillAsync("2026-10");
        await page.GetByLabel("Store id").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        foreach (var section in summary.Sections)
        {
            var row = page.Locator($"#sections tr[data-section='{section.Section}']");
            await Expect(row).ToContainTextAsync(Rupees(section.TaxablePaise));
            await Expect(row).ToContainTextAsync(Rupees(section.CgstPaise));
            await Expect(row).ToContainTextAsync(Rupees(section.IgstPaise));
        }

        await Expect(page.Locator("#b2b tbody")).ToContainTextAsync(b2b.BillNo);
        await Expect(page.Locator("#b2cl tbody")).ToContainTextAsync(large.BillNo);
        await Expect(page.Locator("#b2cs tbody")).ToContainTextAsync("INTRA");
        await Expect(page.Locator("#cdnr tbody")).ToContainTextAsync(note.Return!.CreditNoteNo);
        await Expect(page.Locator("#cdnur tbody")).ToContainTextAsync("None this month.");
        await Expect(page.Locator("#documents tbody")).ToContainTextAsync($"{b2b.BillNo}");
        await Expect(page.Locator("#tie")).ToContainTextAsync("Ties to the journal");
        Assert.True(summary.TiesToJournal);

        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.FolderFor(nameof(Gstr1_ShowsEachSectionAndTheTie_AndDownloadsThePortalJson)), "gstr1.png"), FullPage = true });
        await page.Locator("#download").FocusAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal("GSTR1_102026.json", download.SuggestedFilename);
        Assert.Equal(json, await File.ReadAllTextAsync((await download.PathAsync())!));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    // As the page writes rupees (en-IN): two decimals, the thousands then every two digits grouped (1,05,000.00).
    private static string Rupees(long paise)
    {
        Assert.InRange(paise, 0, 99_99_999_99);
        var rupees = (paise / 100).ToString(CultureInfo.InvariantCulture);
        var grouped = rupees.Length <= 3 ? rupees
            : System.Text.RegularExpressions.Regex.Replace(rupees[..^3], @"(\d)(?=(\d\d)+$)", "$1,") + "," + rupees[^3..];
        return $"{grouped}.{paise % 100:00}";
    }
}
