// Proves parked sales on the cashier page, by keyboard, on real processes: two carts parked with F10 survive a kill -9 and
// restart of the till, F10 on the empty cart lists them and Enter resumes the first, which sells as any cart; the close
// dialog lists the cart still parked.
using TillSync.Browser.Tests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class ParkedSaleTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task ParkTwoCarts_TillRestarts_ResumeOneAndSellIt_TheCloseDialogListsTheOther()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(ParkTwoCarts_TillRestarts_ResumeOneAndSellIt_TheCloseDialogListsTheOther),
            restartableTill: true);
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            await Expect(cashier.By("shortcuts")).ToContainTextAsync("F10 park cart / parked");
            await cashier.ScanAsync("RICE-5KG", "RICE-5KG", "1");
            await cashier.ScanAsync("SOAP-125G", "SOAP-125G", "1");
            await keyboard.PressAsync("F10");
            await Expect(cashier.By("message")).ToContainTextAsync("Cart parked (2 lines)");
            await Expect(cashier.By("cart-empty")).ToBeVisibleAsync();
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            await keyboard.PressAsync("F10");
            await Expect(cashier.By("message")).ToContainTextAsync("Cart parked (1 line)");

            await session.Till.RestartAsync();
            await cashier.OpenAsync(); // a restart logs everyone out; the shift resumes
            await keyboard.PressAsync("F10");
            var rows = cashier.By("parked-row");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.First).ToContainTextAsync("RICE-5KG × 1, SOAP-125G × 1");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("parked-dialog")).ToBeHiddenAsync();
            await Expect(cashier.CartLine("RICE-5KG").GetByTestId("line-qty")).ToHaveTextAsync("1");
            await Expect(cashier.CartLine("SOAP-125G").GetByTestId("line-qty")).ToHaveTextAsync("1");
            await cashier.WaitForTotalsAsync();
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToBeFocusedAsync();
            await keyboard.PressAsync("F9");
            var billNo = await cashier.WaitForReceiptAsync();
            await cashier.CloseReceiptAsync();

            var sold = Assert.Single(await TillStore.DocumentsAsync(session.Till, TillSync.Contracts.Documents.DocumentKinds.Sale));
            Assert.Equal(billNo, sold.Document.Sale!.BillNo);
            Assert.Equal(["RICE-5KG", "SOAP-125G"], sold.Document.Sale.Lines.Select(l => l.Sku));

            await keyboard.PressAsync("F3");
            await cashier.By("shift-menu-close").ClickAsync();
            var stillParked = cashier.By("close-parked-list").GetByTestId("parked-cart");
            await Expect(stillParked).ToHaveCountAsync(1);
            await Expect(stillParked).ToContainTextAsync("GHEE-1L × 1");
            await session.ScreenshotAsync("close-dialog-parked");
        });
    }
}
