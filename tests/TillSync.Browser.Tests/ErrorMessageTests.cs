// Proves the page never fails silently: an unknown code and a customer the till refuses (a GSTIN with a wrong check
// character, refused when the cart is priced, before any payment) each show the reason in words from the till's problem+json detail.
using System.Text.RegularExpressions;
using TillSync.Browser.Tests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class ErrorMessageTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Ramesh Traders' GSTIN with its last (check) character changed.
    private const string GstinWithBadCheckCharacter = "29AAACR5055K1Z4";

    [Fact]
    public async Task Refusals_UnknownCodeAndBadGstin_ShowTheReasonAndKeepTheCart()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(Refusals_UnknownCodeAndBadGstin_ShowTheReasonAndKeepTheCart));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            await keyboard.TypeAsync("NO-SUCH-CODE");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("message")).ToHaveAttributeAsync("data-kind", "error");
            await Expect(cashier.By("message")).ToContainTextAsync("NO-SUCH-CODE");
            await Expect(cashier.CodeInput).ToHaveValueAsync("NO-SUCH-CODE"); // kept, selected, for correction

            // A fraction of a piece is refused in words a cashier uses, not the GST unit code ("PCS is counted in …").
            await keyboard.TypeAsync("1.5*SOAP-125G");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("message")).ToHaveAttributeAsync("data-kind", "error");
            await Expect(cashier.By("message")).ToContainTextAsync("Sandal Soap 125 g: This item is sold in whole pieces: enter a whole number.");
            await Expect(cashier.CartLine("SOAP-125G")).ToHaveCountAsync(0);
            await cashier.CodeInput.FillAsync(string.Empty);

            await cashier.ScanAsync("RICE-5KG", "RICE-5KG", "1"); // typing replaces the selected text
            await keyboard.PressAsync("F4");
            await keyboard.TypeAsync(Shop.B2BBuyer.Phone!);
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync(GstinWithBadCheckCharacter);
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync(Shop.B2BBuyer.Name!);

            // The quote refuses the customer: the reason shows where the totals would be, before any payment is taken.
            await Expect(cashier.By("quote-state")).ToHaveAttributeAsync("data-state", "error");
            await Expect(cashier.By("quote-state")).ToContainTextAsync(new Regex("GSTIN.*not a valid GSTIN", RegexOptions.IgnoreCase));
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("receipt-dialog")).ToBeHiddenAsync();
            await Expect(cashier.CartLine("RICE-5KG")).ToBeVisibleAsync();
            await session.ScreenshotAsync("cashier-sale-refused");

            await keyboard.PressAsync("F8");
            await Expect(cashier.By("sales-empty")).ToBeVisibleAsync(); // nothing was recorded
        });
    }
}
