// Proves HQ's e-invoices page retries a parked bill idempotently: its Retry sends an Idempotency-Key, and when the first
// answer is lost (Playwright lets the request reach HQ, then fails it for the page) the manager's second click sends the
// same key, so HQ replays its answer instead of applying the retry twice; a registered credit note shows as one, against
// its invoice; an unregistered bill 21 days old shows its report-by date as at risk, and the at-risk filter shows only
// it; a manager cancels a registered bill from the page with NIC's reason and a remark; the list filters by status and
// exports what it lists as CSV. Real HQ and IRP processes,
// Debian chromium.
using System.Net.Http.Json;
using Microsoft.Playwright;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class EInvoicesPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task CreditNote_ShowsAsACreditNoteAgainstItsInvoice_ABillAtRiskShowsWhenToRegisterItBy_AndABillIsCancelled()
    {
        await using var irp = await IrpProcess.StartAsync();
        using var hq = await HqServer.StartAsync(TempDirs.Create("einvoices-crn-hq"), irp.Access);
        await hq.SetUpShopAsync();
        var till = await hq.EnrolTillAsync("Counter C");
        var orders = new OrderFactory(till.BillPrefix);
        var sale = orders.Next([OrderFactory.Line("GHEE-1L", 2)], Shop.B2BBuyer with { Address1 = "4 MG Road", Location = "Bengaluru", Pin = 560001 });
        var returned = new ReturnFactory(orders, till.BillPrefix).Next(sale, till.TillId, [(1, 1m, Contracts.Documents.ReturnConditions.Restock)]);
        // Sold 21 days ago to a buyer without an address: parked at once, so unregistered and at risk.
        var old = orders.Build(orders.NextSeq++, [OrderFactory.Line("RICE-5KG", 1)], Shop.B2BBuyer, OrderFactory.Now().AddDays(-21));
        var wrong = orders.Next([OrderFactory.Line("SOAP-125G", 3)], Shop.B2BBuyer with { Address1 = "4 MG Road", Location = "Bengaluru", Pin = 560001 });
        await hq.SyncDocumentsAsTillAsync(till.Token, [TillClient.SaleDocument(sale), returned, TillClient.SaleDocument(old), TillClient.SaleDocument(wrong)]);
        await Poll.UntilAsync(() => hq.EInvoiceAsync(wrong.ClientOrderId), e => e.Status == "registered", TimeSpan.FromSeconds(90),
            e => $"bill {e.Status}: {e.LastError}");
        var crn = await Poll.UntilAsync(() => hq.EInvoiceAsync(returned.DocumentId), e => e.Status != "waiting" && e.Status != "pending",
            TimeSpan.FromSeconds(90), e => $"credit note {e.Status}: {e.LastError}");
        Assert.True(crn.Status == "registered", crn.LastError);

        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await BackOffice.OpenAsync(context, hq, "/einvoices");

        var row = page.Locator($"tr[data-order='{returned.DocumentId}']");
        await Expect(row.Locator("[data-doc-type='CRN']")).ToHaveTextAsync("Credit note");
        await Expect(row).ToContainTextAsync(returned.Return!.CreditNoteNo);
        await Expect(row).ToContainTextAsync($"against {sale.BillNo}");
        await Expect(row).ToContainTextAsync("registered");
        await Expect(page.Locator($"tr[data-order='{sale.ClientOrderId}'] [data-doc-type='INV']")).ToHaveTextAsync("Invoice");

        var wrongRow = page.Locator($"tr[data-order='{wrong.ClientOrderId}']");
        await wrongRow.GetByRole(AriaRole.Button, new() { Name = "Cancel…" }).ClickAsync();
        await Expect(page.Locator("#cancel-bill")).ToHaveTextAsync(wrong.BillNo);
        await page.GetByLabel("Reason").SelectOptionAsync("2");
        await page.GetByLabel("Remark").FillAsync("Billed the wrong buyer");
        await page.GetByLabel("Remark").PressAsync("Enter");
        await Expect(wrongRow).ToContainTextAsync("cancelled");
        await Expect(wrongRow).ToContainTextAsync("Billed the wrong buyer");
        Assert.Equal("cancelled", (await hq.EInvoiceAsync(wrong.ClientOrderId)).Status);

        var reportBy = Core.EInvoicing.DocumentDates.Text(Core.EInvoicing.ReportingLimit.LastDay(Core.EInvoicing.DocumentDates.Of(old.CreatedAt)));
        var oldRow = page.Locator($"tr[data-order='{old.ClientOrderId}']");
        await Expect(oldRow.Locator("td.at-risk")).ToHaveTextAsync(reportBy);
        await Expect(oldRow).ToContainTextAsync($"At risk: register by {reportBy}");
        await page.GetByLabel("Only bills at risk").CheckAsync();
        await Expect(page.Locator("#bills tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#bills tbody tr").First).ToHaveAttributeAsync("data-order", old.ClientOrderId.ToString());

        // By status, and exported as the filtered list.
        await page.GetByLabel("Only bills at risk").UncheckAsync();
        await page.GetByLabel("Status").SelectOptionAsync("cancelled");
        await Expect(page.Locator("#bills tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#count")).ToHaveTextAsync("1 shown");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("einvoices.csv", download.SuggestedFilename);
        Assert.Equal("till,till_seq,doc_type,doc_no,doc_date,original_doc_no,buyer_gstin,value_rupees,status,irn,ack_no,ack_dt,ewb_no,report_by,warning,last_error", csv[0]);
        Assert.Equal([(wrong.BillNo, "cancelled")], csv.Skip(1).Select(l => l.Split(',')).Select(f => (f[3], f[8])));
        await page.GetByLabel("Status").SelectOptionAsync("");
        await Expect(page.Locator("#count")).ToHaveTextAsync("4 shown");
    }

    [Fact]
    public async Task Retry_AnswerLostThenClickedAgain_SendsTheSameKeyAndIsAppliedOnce()
    {
        await using var irp = await IrpProcess.StartAsync();
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Retry_AnswerLostThenClickedAgain_SendsTheSameKeyAndIsAppliedOnce), irp.Access);
        var till = await session.Hq.EnrolTillAsync("Counter E");
        var ghee = Shop.Product("GHEE-1L");
        // A B2B buyer without an address: HQ parks the e-invoice for a manager.
        var order = new OrderFactory(till.BillPrefix).Build(1, [new OrderLineDto(ghee.Sku, 1, ghee.PricePaise, 0, ghee.GstRateBp)], Shop.B2BBuyer);
        await session.Hq.SyncAsTillAsync(till.Token, [order]);
        await Poll.UntilAsync(() => session.Hq.EInvoiceAsync(order.ClientOrderId), e => e.Status == "failed", TimeSpan.FromSeconds(60),
            e => $"e-invoice {e.Status}: {e.LastError}");

        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var keys = new List<string>();
        await page.RouteAsync("**/api/v1/einvoices/*/retry", async route =>
        {
            keys.Add(route.Request.Headers.TryGetValue("idempotency-key", out var key) ? key : "(none)");
            if (keys.Count == 1)
            {
                await route.FetchAsync(); // HQ applies the retry; its answer never reaches the page.
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await BackOffice.SignInAsync(page, session.Hq, "/einvoices");
        var row = page.Locator($"tr[data-order='{order.ClientOrderId}']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("Retry failed");
        // The list's next refresh leaves the action's error on screen (it used to hide it within 5 s).
        var updated = await page.Locator("#updated").TextContentAsync();
        await Expect(page.Locator("#updated")).Not.ToHaveTextAsync(updated!, new() { Timeout = 30_000 });
        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("Retry failed");
        await Poll.UntilAsync(() => Task.FromResult(keys.Count), n => n == 1, TimeSpan.FromSeconds(10), n => $"{n} retries sent");
        // The retry was applied; the page may show the bill pending again or parked again by the worker. Click again.
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Poll.UntilAsync(() => Task.FromResult(keys.Count), n => n == 2, TimeSpan.FromSeconds(10), n => $"{n} retries sent");

        Assert.Matches("^\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"$", keys[0]); // a random UUID (back-office.js newId)
        Assert.Equal(keys[0], keys[1]);
        using var api = new HttpClient { BaseAddress = session.Hq.Address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", session.Hq.AdminToken);
        var audit = (await api.GetFromJsonAsync("/api/v1/audit?action=einvoice.retry", TillSyncJsonContext.Default.AuditPage))!;
        Assert.Single(audit.Entries, e => e.Detail.Contains(order.BillNo, StringComparison.Ordinal));
    }
}
