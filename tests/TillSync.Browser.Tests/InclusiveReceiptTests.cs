// Proves the cashier page prices a pack priced inclusive of GST at the shelf price and prints the receipt Indian shops
// print: the MRP, the line at what the customer pays, the tax broken up by rate, and "prices include GST".
// How: a real till and HQ process, Debian's Chromium driven by Playwright, the sale made by keyboard.
using TillSync.Browser.Tests.Harness;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class InclusiveReceiptTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task TwoNinetyRupeePacks_BillOneEighty_ReceiptShowsMrpAndTaxByRate()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(TwoNinetyRupeePacks_BillOneEighty_ReceiptShowsMrpAndTaxByRate));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.ScanAsync("8901719101038", "BISCUIT-800G", "1");
            await cashier.ScanAsync("BISCUIT-800G", "BISCUIT-800G", "2");

            // ₹180.00 with 5 % in it: CGST = SGST = ₹4.29, taxable the ₹171.42 left; nothing to round.
            Assert.Equal(18_000, await cashier.TotalPaiseAsync());
            await Expect(cashier.By("total-cgst")).ToHaveTextAsync("₹4.29");
            await Expect(cashier.By("total-taxable")).ToHaveTextAsync("₹171.42");
            await Expect(cashier.By("quote-state")).ToContainTextAsync("prices include GST");

            await cashier.Page.Keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToBeFocusedAsync();
            await cashier.Page.Keyboard.PressAsync("F9");
            await cashier.WaitForReceiptAsync();

            var receipt = cashier.Receipt;
            await Expect(receipt.GetByTestId("receipt-line-mrp")).ToHaveTextAsync("MRP 90.00");
            await Expect(receipt.GetByTestId("receipt-line-amount")).ToHaveTextAsync("180.00");
            await Expect(receipt.GetByTestId("receipt-gst-summary")).ToContainTextAsync("171.42");
            await Expect(receipt.GetByTestId("receipt-gst-summary")).ToContainTextAsync("4.29");
            await Expect(receipt.GetByTestId("receipt-total")).ToHaveTextAsync("₹180.00");
            await Expect(receipt.GetByTestId("receipt-footing")).ToContainTextAsync("Prices include GST");
            await Expect(receipt.GetByTestId("receipt-savings")).ToHaveCountAsync(0);
            await session.ReceiptScreenshotAsync("receipt-inclusive-mrp");
        });
    }
}
