// Proves HQ's orders page (real HQ, Debian chromium): a manager signed in once sees a till's bills newest first, finds one by
// its number and by the customer's phone, opens it (lines, payments, totals, its return, e-invoice, journal entry), closes
// it with Escape back to the bill (its lines named from the catalogue), and exports the list as CSV whose rows are the
// bills' own figures.
using System.Globalization;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class OrdersPageTests(BrowserFixture browser)
{
    private const string Phone = "9812345670";

    [Fact]
    public async Task Orders_FindByNumberAndPhone_OpenTheBill_ExportCsv()
    {
        using var hq = await HqServer.StartAsync(TempDirs.Create("orders-hq"));
        await hq.SetUpShopAsync();
        var till = await hq.EnrolTillAsync("Counter 1");
        var orders = new OrderFactory(till.BillPrefix);
        var phoned = orders.Next([OrderFactory.Line("GHEE-1L", 2), OrderFactory.Line("SOAP-125G", 1)], new CustomerDto(Phone));
        var b2b = orders.Next([OrderFactory.Line("RICE-5KG", 1)], HqScenario.B2BIntraState);
        var plain = orders.NextWalkIn([OrderFactory.Line("COLA-750ML", 3)]);
        var returned = new ReturnFactory(orders, till.BillPrefix).Next(phoned, till.TillId, [(2, 1m, ReturnConditions.Restock)]);
        var reply = await hq.SyncDocumentsAsTillAsync(till.Token,
            [TillClient.SaleDocument(phoned), TillClient.SaleDocument(b2b), TillClient.SaleDocument(plain), returned]);
        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });

        var page = await BackOffice.OpenAsync(context, hq, "/orders");

        var rows = page.Locator("#list tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync(plain.BillNo);
        await Expect(rows.Nth(2)).ToContainTextAsync(phoned.BillNo);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

        await page.GetByLabel("Bill number").FillAsync(b2b.BillNo);
        await page.GetByLabel("Bill number").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Nth(0)).ToContainTextAsync(HqScenario.B2BIntraState.Gstin!);

        await page.GetByLabel("Bill number").FillAsync("");
        await page.GetByLabel("Customer phone").FillAsync(Phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        var bill = page.GetByRole(AriaRole.Button, new() { Name = phoned.BillNo, Exact = true });
        await Expect(bill).ToBeVisibleAsync();

        await bill.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var detail = page.Locator("#detail");
        await Expect(detail).ToBeFocusedAsync();
        await Expect(page.Locator("#detail-title")).ToHaveTextAsync($"Bill {phoned.BillNo}");
        await Expect(page.Locator("#detail-summary")).ToContainTextAsync(Phone);
        await Expect(page.Locator("#detail-lines tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#detail-lines tbody tr").Nth(0)).ToContainTextAsync("GHEE-1L");
        await Expect(page.Locator("#detail-lines tbody tr").Nth(0).Locator("td").Nth(2)).ToHaveTextAsync(Shop.Product("GHEE-1L").Name);
        await Expect(page.Locator("#detail-lines tbody tr").Nth(1).Locator("td").Nth(2)).ToHaveTextAsync(Shop.Product("SOAP-125G").Name);
        await Expect(page.Locator("#detail-payments tbody tr")).ToHaveCountAsync(phoned.Payments.Count);
        await Expect(page.Locator("#detail-totals")).ToContainTextAsync(BackOffice.Rupees(phoned.Totals.TotalPaise));
        await Expect(page.Locator("#detail-returns tbody")).ToContainTextAsync(returned.Return!.CreditNoteNo);
        await Expect(page.Locator("#detail-returns tbody")).ToContainTextAsync(BackOffice.Rupees(returned.Return.Totals.TotalPaise));
        await Expect(page.Locator("#detail-einvoice")).ToContainTextAsync("not applicable (B2C)");
        await Expect(page.Locator("#detail-journal tbody")).ToContainTextAsync("revenue:sales");
        await Expect(page.Locator("#detail-journal tbody")).ToContainTextAsync(BackOffice.Rupees(phoned.Totals.TaxablePaise));
        await Expect(page.Locator("#detail-error")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(detail).ToBeHiddenAsync();
        await Expect(bill).ToBeFocusedAsync();

        await page.GetByLabel("Customer phone").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);

        Assert.Equal("orders.csv", download.SuggestedFilename);
        Assert.Equal(
            [
                "bill_no,date,till,customer_phone,gstin,total_rupees,status,einvoice_status",
                Line(plain, till.TillId, "", "", "not_applicable"),
                Line(b2b, till.TillId, HqScenario.B2BIntraState.Phone!, HqScenario.B2BIntraState.Gstin!, (await hq.OrderAsync(b2b.ClientOrderId)).EInvoiceStatus!),
                Line(phoned, till.TillId, Phone, "", "not_applicable"),
            ],
            csv);
        await Expect(page.Locator("#error")).ToBeHiddenAsync();
    }

    private static string Line(OrderDto order, long tillId, string phone, string gstin, string eInvoice) => string.Join(',',
        order.BillNo, order.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tillId.ToString(CultureInfo.InvariantCulture), phone, gstin,
        (order.Totals.TotalPaise / 100m).ToString("0.00", CultureInfo.InvariantCulture), "committed", eInvoice);
}
