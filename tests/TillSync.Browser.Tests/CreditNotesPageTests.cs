// Proves HQ's credit notes page shows a manager the returns of every till with their filters: two tills' returns reach a
// real HQ process (one against a bill HQ holds, one against a bill it has not seen), and the page, in Debian's chromium,
// lists both, marks one linked and one awaiting its original, and narrows to each by the original, reason and till filters.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class CreditNotesPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task CreditNotes_ShowLinkedAndAwaitingReturns_AndTheFiltersNarrowThem()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("credit-notes-hq"));
        await hq.SetUpShopAsync();
        var seller = await hq.EnrolTillAsync("Counter S");
        var returner = await hq.EnrolTillAsync("Counter R");
        var sellerOrders = new OrderFactory(seller.BillPrefix);
        var returnerOrders = new OrderFactory(returner.BillPrefix);
        var synced = sellerOrders.NextWalkIn([OrderFactory.Line("GHEE-1L", 2)]);
        var unseen = sellerOrders.NextWalkIn([OrderFactory.Line("SOAP-125G", 3)]);
        await hq.SyncDocumentsAsTillAsync(seller.Token, [TillClient.SaleDocument(synced)]);
        var returns = new ReturnFactory(returnerOrders, returner.BillPrefix);
        var linked = returns.Next(synced, seller.TillId, [(1, 1m, ReturnConditions.Restock)]);
        var awaiting = returns.Next(unseen, seller.TillId, [(1, 2m, ReturnConditions.Damaged)]);
        awaiting = awaiting with { Return = awaiting.Return! with { Reason = ReturnReasons.Defective } };
        var reply = await hq.SyncDocumentsAsTillAsync(returner.Token, [linked, awaiting]);
        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));

        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/credit-notes");

        var linkedRow = page.Locator($"tr[data-document='{linked.DocumentId}']");
        var awaitingRow = page.Locator($"tr[data-document='{awaiting.DocumentId}']");
        await Expect(linkedRow).ToContainTextAsync(linked.Return!.CreditNoteNo);
        await Expect(linkedRow).ToContainTextAsync("linked");
        await Expect(linkedRow).ToContainTextAsync(synced.BillNo);
        await Expect(awaitingRow).ToContainTextAsync("awaiting original");
        await Expect(awaitingRow).ToContainTextAsync((awaiting.Return.Totals.TotalPaise / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByLabel("Original").SelectOptionAsync("false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(linkedRow).ToHaveCountAsync(0);
        await Expect(awaitingRow).ToHaveCountAsync(1);

        await page.GetByLabel("Original").SelectOptionAsync("");
        await page.GetByLabel("Reason").SelectOptionAsync(ReturnReasons.ChangedMind);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(linkedRow).ToHaveCountAsync(1);
        await Expect(awaitingRow).ToHaveCountAsync(0);

        await page.GetByLabel("Reason").SelectOptionAsync("");
        await page.GetByLabel("Till id").FillAsync(seller.TillId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#list tbody")).ToContainTextAsync("No credit notes match.");

        await page.GetByLabel("Till id").FillAsync(returner.TillId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#count")).ToHaveTextAsync("2 shown");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("credit-notes.csv", download.SuggestedFilename);
        Assert.Equal("credit_note_no,till,created_at,original_bill_no,reason,supply,refund_rupees,linked_at,flags,document_id", csv[0]);
        Assert.Equal(new[] { linked.DocumentId.ToString(), awaiting.DocumentId.ToString() }.Order(StringComparer.Ordinal),
            csv.Skip(1).Select(l => l.Split(',')[^1]).Order(StringComparer.Ordinal));
    }
}
