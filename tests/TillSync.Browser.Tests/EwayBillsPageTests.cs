// Proves HQ's e-invoices page raises and cancels an e-way bill: "E-way bill…" on a registered bill above ₹50,000 opens
// the transport details form, HQ's refusal of a road trip without a vehicle number is shown in the form, the raised
// e-way bill's number and validity show on the bill, and "Cancel e-way bill…" cancels it with NIC's reason and a
// remark, all from the keyboard once a form is open; then "New e-way bill…" raises a fresh one for the same bill. Real HQ
// and IRP processes, Debian chromium.
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class EwayBillsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task EwayBill_RaisedFromTheTransportForm_ThenCancelledWithReasonAndRemark()
    {
        await using var irp = await IrpProcess.StartAsync();
        using var hq = await HqServer.StartAsync(TempDirs.Create("ewaybills-page-hq"), irp.Access);
        await hq.SetUpShopAsync();
        var till = await hq.EnrolTillAsync("Counter W");
        var orders = new OrderFactory(till.BillPrefix);
        var buyer = Shop.B2BBuyer with { Address1 = "4 MG Road", Location = "Bengaluru", Pin = 560001 };
        // 160 bags at ₹325 and 5 %: ₹54,600, above the e-way bill threshold; the soap is far below it.
        var consignment = orders.Next([OrderFactory.Line("RICE-5KG", 160)], buyer);
        var small = orders.Next([OrderFactory.Line("SOAP-125G", 3)], buyer);
        await hq.SyncDocumentsAsTillAsync(till.Token, [TillClient.SaleDocument(consignment), TillClient.SaleDocument(small)]);
        foreach (var id in new[] { consignment.ClientOrderId, small.ClientOrderId })
        {
            await Poll.UntilAsync(() => hq.EInvoiceAsync(id), e => e.Status == "registered", TimeSpan.FromSeconds(90), e => $"bill {e.Status}: {e.LastError}");
        }

        await using var context = await browser.NewContextAsync();
        var page = await BackOffice.OpenAsync(context, hq, "/einvoices");
        var row = page.Locator($"tr[data-order='{consignment.ClientOrderId}']");
        await Expect(row).ToContainTextAsync("registered");
        await Expect(page.Locator($"tr[data-order='{small.ClientOrderId}']").GetByRole(AriaRole.Button, new() { Name = "E-way bill…" })).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new() { Name = "E-way bill…" }).ClickAsync();
        await Expect(page.Locator("#ewb-bill")).ToHaveTextAsync(consignment.BillNo);
        await Expect(page.GetByLabel("Distance km")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("320");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#ewb-error")).ToContainTextAsync("vehicleNo");
        Assert.Null((await hq.EInvoiceAsync(consignment.ClientOrderId)).EwbNo);

        await page.GetByLabel("Vehicle number").FillAsync("KA01AB1234");
        await page.GetByLabel("Transporter name").FillAsync("Speedy Roadways");
        await page.GetByLabel("Transporter name").PressAsync("Enter");
        await Expect(page.Locator("#ewb-status")).ToContainTextAsync("raised");
        var raised = await hq.EInvoiceAsync(consignment.ClientOrderId);
        Assert.NotNull(raised.EwbNo);
        await Expect(row.Locator("[data-ewb-state='active']")).ToContainTextAsync($"E-way bill {raised.EwbNo}, valid till {raised.EwbValidTill}");
        await Expect(page.Locator("#ewb-form")).ToBeHiddenAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel e-way bill…" }).ClickAsync();
        await Expect(page.GetByLabel("Note for the portal")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#ewb-cancel-form")).ToBeHiddenAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel e-way bill…" }).ClickAsync();
        await Expect(page.Locator("#ewb-cancel-no")).ToHaveTextAsync(raised.EwbNo!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Cancellation code").SelectOptionAsync("2");
        await page.GetByLabel("Note for the portal").FillAsync("Buyer called the order off");
        await page.GetByLabel("Note for the portal").PressAsync("Enter");
        await Expect(row.Locator("[data-ewb-state='cancelled']")).ToContainTextAsync("Buyer called the order off");
        var cancelled = await hq.EInvoiceAsync(consignment.ClientOrderId);
        Assert.Equal("2", cancelled.EwbCancelReason);
        Assert.Equal(raised.EwbNo, cancelled.EwbNo);
        Assert.Equal("registered", cancelled.Status);

        // The goods still move: a fresh e-way bill with the right vehicle, as the portal allows after a cancel.
        await row.GetByRole(AriaRole.Button, new() { Name = "New e-way bill…" }).ClickAsync();
        await Expect(page.GetByLabel("Distance km")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("320");
        await page.GetByLabel("Vehicle number").FillAsync("KA05MN4321");
        await page.GetByLabel("Vehicle number").PressAsync("Enter");
        await Expect(row.Locator("[data-ewb-state='active']")).ToBeVisibleAsync();
        var fresh = await hq.EInvoiceAsync(consignment.ClientOrderId);
        Assert.NotEqual(raised.EwbNo, fresh.EwbNo);
        Assert.Null(fresh.EwbCancelledAt);
        await Expect(row.Locator("[data-ewb-state='active']")).ToContainTextAsync($"E-way bill {fresh.EwbNo}, valid till {fresh.EwbValidTill}");
        await Expect(row.Locator("[data-ewb-state='cancelled']")).ToHaveCountAsync(0);
    }
}
