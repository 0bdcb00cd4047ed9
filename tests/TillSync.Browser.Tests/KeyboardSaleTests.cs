// Proves a whole sale can be rung up without touching the mouse: scanner-style codes with Enter, a name search
// picked with the arrow keys, a weighed item, F2 to change a quantity, Delete to drop a line, F9 and Enter to pay.
using TillSync.Browser.Tests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class KeyboardSaleTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task KeyboardOnly_ScanSearchWeighEditRemovePay_RecordsTheSaleWithChange()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(KeyboardOnly_ScanSearchWeighEditRemovePay_RecordsTheSaleWithChange));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            await Expect(cashier.CodeInput).ToBeFocusedAsync(); // focused on load: the first scan lands in it
            await cashier.ScanAsync("MILK-500ML", "MILK-500ML", "1");
            await cashier.ScanAsync("8901262030014", "GHEE-1L", "1"); // barcode
            await cashier.ScanAsync("3*SOAP-125G", "SOAP-125G", "3"); // quantity prefix

            // A name search: type, move down to the result, Enter.
            await keyboard.TypeAsync("cola");
            await Expect(cashier.By("search-result")).ToHaveCountAsync(1);
            await keyboard.PressAsync("ArrowDown");
            await Expect(cashier.By("search-result").First).ToHaveAttributeAsync("aria-selected", "true");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.CartLine("COLA-750ML")).ToBeVisibleAsync();

            // Loose sugar: the page asks for the weight.
            await keyboard.TypeAsync("SUGAR-LOOSE");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("qty-input")).ToBeFocusedAsync();
            await keyboard.TypeAsync("0.750");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.CartLine("SUGAR-LOOSE").GetByTestId("line-qty")).ToHaveTextAsync("0.750");
            await Expect(cashier.CodeInput).ToBeFocusedAsync();

            // Lines: milk, ghee, soap, cola, sugar (selected). Up to milk, F2, quantity 2.
            for (var i = 0; i < 4; i++)
            {
                await keyboard.PressAsync("ArrowUp");
            }

            await Expect(cashier.CartLine("MILK-500ML")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
            await keyboard.PressAsync("F2");
            await Expect(cashier.By("qty-input")).ToBeFocusedAsync();
            await keyboard.TypeAsync("2");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.CartLine("MILK-500ML").GetByTestId("line-qty")).ToHaveTextAsync("2");

            // Down to cola and Delete it.
            for (var i = 0; i < 3; i++)
            {
                await keyboard.PressAsync("ArrowDown");
            }

            await Expect(cashier.CartLine("COLA-750ML")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("selected"));
            await keyboard.PressAsync("Delete");
            await Expect(cashier.CartLine("COLA-750ML")).ToHaveCountAsync(0);
            await Expect(cashier.By("cart-line")).ToHaveCountAsync(4);

            // Milk 2 × 28.00 at 0 %; ghee 650.00 + 12 %; soap 3 × 45.00 + 18 %; sugar 0.750 kg × 46.00 + 5 %:
            // 56.00 + 728.00 + 159.30 + 36.22 = 979.52, rounded to 980.00.
            Assert.Equal(98_000, await cashier.TotalPaiseAsync());
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToBeFocusedAsync();
            await Expect(cashier.By("tender-amount").First).ToHaveValueAsync("980.00");
            await keyboard.TypeAsync("2000"); // the amount is selected: typing replaces it
            await Expect(cashier.By("change-due")).ToHaveTextAsync("₹1,020.00");
            await session.ScreenshotAsync("cashier-keyboard-tender");
            await keyboard.PressAsync("Enter");

            await cashier.WaitForReceiptAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-change")).ToHaveTextAsync("1,020.00");
            await Expect(cashier.Receipt.GetByTestId("receipt-total")).ToHaveTextAsync("₹980.00");
            await session.ReceiptScreenshotAsync("receipt-keyboard");
            await cashier.CloseReceiptAsync();
            await Expect(cashier.By("cart-line")).ToHaveCountAsync(0);
            await Expect(cashier.By("total")).ToHaveTextAsync("₹0.00");
        });
    }
}
