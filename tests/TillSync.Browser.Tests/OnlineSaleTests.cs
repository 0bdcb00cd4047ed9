// Proves that a cashier can sell online through the page: a three-item cart with a split cash + card tender reaches
// HQ as one order with both payments, a B2B bill prints its IRN "pending registration", and a past receipt reprints marked REPRINT.
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class OnlineSaleTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan SyncTimeout = Patience.Exchanges;

    [Fact]
    public async Task SplitTender_ThreeItemsCashAndCard_HqHasTheOrderWithBothPayments()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(SplitTender_ThreeItemsCashAndCard_HqHasTheOrderWithBothPayments));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.WaitForSyncStateAsync("online", SyncTimeout);
            await cashier.ScanAsync("8901725181109", "RICE-5KG", "1"); // the rice's barcode
            await cashier.ScanAsync("SOAP-125G", "SOAP-125G", "1");
            await cashier.ScanAsync("SOAP-125G", "SOAP-125G", "2"); // a second scan adds one
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");

            // Rice 325.00 at 5 %, soap 2 × 45.00 at 18 %, ghee 650.00 at 12 %: CGST = SGST = 8.13 + 8.10 + 39.00 = 55.23;
            // 1,175.46 rounds to 1,175.00. The page shows what the till's TillSync.Core computed.
            Assert.Equal(117_500, await cashier.TotalPaiseAsync());
            await Expect(cashier.By("total")).ToHaveTextAsync("₹1,175.00");
            await Expect(cashier.By("total-cgst")).ToHaveTextAsync("₹55.23");
            await Expect(cashier.By("total-sgst")).ToHaveTextAsync("₹55.23");
            await Expect(cashier.By("total-roundoff")).ToHaveTextAsync("−₹0.46");
            await Expect(cashier.By("gst-row")).ToHaveCountAsync(3);

            await cashier.By("add-tender").ClickAsync();
            var amounts = cashier.By("tender-amount");
            await Expect(amounts.Nth(0)).ToHaveValueAsync("1175.00");
            await amounts.Nth(0).FillAsync("500");
            await cashier.By("add-tender").ClickAsync();
            await Expect(cashier.By("tender-method").Nth(1)).ToHaveValueAsync("card");
            await Expect(amounts.Nth(1)).ToHaveValueAsync("675.00");
            await Expect(cashier.By("change-due")).ToHaveTextAsync("₹0.00");
            await session.ScreenshotAsync("cashier-split-tender");

            await cashier.By("pay-button").ClickAsync();
            var billNo = await cashier.WaitForReceiptAsync();
            var payments = cashier.Receipt.GetByTestId("receipt-payment");
            await Expect(payments).ToHaveCountAsync(2);
            await Expect(payments.Nth(0)).ToContainTextAsync("500.00");
            await Expect(payments.Nth(1)).ToContainTextAsync("675.00");
            await Expect(cashier.Receipt).ToContainTextAsync("TAX INVOICE");
            await Expect(cashier.Receipt).ToContainTextAsync(Shop.Store.Gstin);
            await Expect(cashier.Receipt.GetByTestId("receipt-reprint")).ToHaveCountAsync(0);
            await session.ReceiptScreenshotAsync("receipt-split-tender");
            await cashier.By("close-receipt").ClickAsync();

            await cashier.WaitForQueueDepthAsync(0, SyncTimeout);
            var orders = await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Count >= 1, SyncTimeout,
                o => $"HQ has {o.Count} orders for the till");
            var order = Assert.Single(orders).Order;
            Assert.Equal(billNo, order.BillNo);
            Assert.Equal(2, order.TillSeq); // after the shift's open
            Assert.Equal(
                [("GHEE-1L", 1m), ("RICE-5KG", 1m), ("SOAP-125G", 2m)],
                order.Lines.Select(l => (l.Sku, l.Qty)).Order().ToArray());
            Assert.Equal([("card", 67_500L), ("cash", 50_000L)], order.Payments.Select(p => (p.Method, p.AmountPaise)).Order().ToArray());
            Assert.Equal(117_500, order.Totals.TotalPaise);
        });
    }

    [Fact]
    public async Task B2bSale_BuyerGstin_ReceiptSaysIrnPending()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(B2bSale_BuyerGstin_ReceiptSaysIrnPending));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            await cashier.ScanAsync("RICE-5KG", "RICE-5KG", "1");
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            await keyboard.PressAsync("F4");
            await Expect(cashier.By("customer-phone")).ToBeFocusedAsync();
            await keyboard.TypeAsync(Shop.B2BBuyer.Phone!);
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync(Shop.B2BBuyer.Gstin!.ToLowerInvariant()); // the page upper-cases it
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync(Shop.B2BBuyer.Name!);
            await Expect(cashier.By("customer-gstin")).ToHaveValueAsync(Shop.B2BBuyer.Gstin);
            await Expect(cashier.By("supply-kind")).ToContainTextAsync("B2B");
            await cashier.WaitForTotalsAsync();
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToBeFocusedAsync();
            await session.ScreenshotAsync("cashier-b2b");
            await keyboard.PressAsync("F9");

            var billNo = await cashier.WaitForReceiptAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-irn-pending")).ToHaveTextAsync("IRN pending registration");
            await Expect(cashier.Receipt.GetByTestId("receipt-buyer-gstin")).ToContainTextAsync(Shop.B2BBuyer.Gstin);
            await Expect(cashier.Receipt).ToContainTextAsync(Shop.B2BBuyer.Name!);
            await session.ReceiptScreenshotAsync("receipt-b2b");
            await cashier.CloseReceiptAsync();

            var orders = await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Count >= 1, SyncTimeout,
                o => $"HQ has {o.Count} orders for the till");
            var order = Assert.Single(orders).Order;
            Assert.Equal(billNo, order.BillNo);
            Assert.Equal(Shop.B2BBuyer.Gstin, order.Customer?.Gstin);
        });
    }

    [Fact]
    public async Task Reprint_PastSaleFromRecentSales_ShowsItsBillNumberMarkedReprint()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Reprint_PastSaleFromRecentSales_ShowsItsBillNumberMarkedReprint));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            var first = await cashier.SellForCashAsync(("MILK-500ML", "MILK-500ML", "1"), ("SOAP-125G", "SOAP-125G", "1"));
            var second = await cashier.SellForCashAsync(("COLA-750ML", "COLA-750ML", "1"));
            Assert.NotEqual(first, second);

            await cashier.By("sales-button").ClickAsync();
            var rows = cashier.By("sale-row");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.First).ToHaveAttributeAsync("data-bill-no", second); // newest first
            await session.ScreenshotAsync("recent-sales");
            await cashier.Page.Locator($"[data-testid=\"sale-row\"][data-bill-no=\"{first}\"]").GetByTestId("reprint").ClickAsync();

            Assert.Equal(first, await cashier.WaitForReceiptAsync());
            await Expect(cashier.Receipt.GetByTestId("receipt-reprint")).ToHaveTextAsync("REPRINT");
            await Expect(cashier.Receipt).ToContainTextAsync("Toned Milk 500 ml");
            await Expect(cashier.Receipt.GetByTestId("receipt-irn-pending")).ToHaveCountAsync(0); // a B2C bill needs no IRN
            await session.ScreenshotAsync("cashier-reprint");
            await session.ReceiptScreenshotAsync("receipt-reprint");
            await cashier.CloseReceiptAsync();
        });
    }
}
