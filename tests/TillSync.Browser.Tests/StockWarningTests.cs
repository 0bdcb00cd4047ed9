// Proves the cashier sees stock as the till knows it (issue 21 item 4): a bill that takes more than the snapshot's on-hand
// is warned about and still sold, and the till's own sale since the snapshot comes off the figure it shows next.
using TillSync.Browser.Tests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class StockWarningTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task MoreThanOnHand_WarnsAndSells_ThenTheTillsOwnSaleComesOffWhatItShows()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(MoreThanOnHand_WarnsAndSells_ThenTheTillsOwnSaleComesOffWhatItShows));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            // The shop opens with 50,000 of everything (Shop.OpeningStock).
            await cashier.ScanAsync("50001*SOAP-125G", "SOAP-125G", "50001");
            await Expect(cashier.By("stock-warning")).ToBeVisibleAsync();
            await Expect(cashier.By("stock-warning")).ToContainTextAsync("Sandal Soap 125 g: 50001 pcs on the bill, 50000 in stock as this till knows it");
            await session.ScreenshotAsync("cashier-stock-warning");
            await cashier.Page.Keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToBeFocusedAsync();
            await cashier.Page.Keyboard.PressAsync("F9");
            await cashier.WaitForReceiptAsync();
            await cashier.CloseReceiptAsync();
            await Expect(cashier.By("stock-warning")).ToBeHiddenAsync();

            await cashier.ScanAsync("SOAP-125G", "SOAP-125G", "1");
            await Expect(cashier.By("stock-warning")).ToContainTextAsync("Sandal Soap 125 g: 1 pcs on the bill, -1 in stock as this till knows it");
        });
    }
}
