// Proves the cashier's promotion flow on the page (issue 21 item 5): promotions set at HQ reach the till, and as each item is
// rung up its line shows the promotion that priced it and the saving; the totals line names the bill-value discount; the
// receipt prints them; HQ commits the sale quietly at the same total. Real HQ and till processes, Debian's Chromium.
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class PromotionTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task RungUp_EachLineShowsItsPromotion_TheReceiptPrintsThem_AndHqCommitsQuietly()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(RungUp_EachLineShowsItsPromotion_TheReceiptPrintsThem_AndHqCommitsQuietly),
            beforeTill: async hq =>
            {
                await hq.CreatePromotionAsync(PromotionCalls.ScheduledPrice("Biscuits ₹80", 8_000, "BISCUIT-800G"));
                await hq.CreatePromotionAsync(PromotionCalls.BuyGet("Soap 2 + 1", 2, 1, "SOAP-125G"));
                await hq.CreatePromotionAsync(PromotionCalls.BillValue("₹100 off ₹1,000", 100_000, offPaise: 10_000));
            });
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.ScanAsync("2*BISCUIT-800G", "BISCUIT-800G", "2");
            await Expect(cashier.CartLine("BISCUIT-800G").GetByTestId("line-promotion")).ToHaveTextAsync("Biscuits ₹80 · saves 20.00");
            await cashier.ScanAsync("3*SOAP-125G", "SOAP-125G", "3");
            await Expect(cashier.CartLine("SOAP-125G").GetByTestId("line-promotion")).ToHaveTextAsync("Soap 2 + 1 · saves 45.00");
            await Expect(cashier.By("quote-state")).Not.ToContainTextAsync("₹100 off");
            await cashier.ScanAsync("2*GHEE-1L", "GHEE-1L", "2");
            await Expect(cashier.CartLine("GHEE-1L").GetByTestId("line-promotion")).ToHaveCountAsync(0);
            // ₹1,550.00 at promotional prices: the bill qualifies for ₹100.00 off, already in the lines and the total.
            await Expect(cashier.By("quote-state")).ToContainTextAsync("₹100 off ₹1,000: −100.00");
            var totalPaise = await cashier.TotalPaiseAsync();
            await session.ScreenshotAsync("cashier-promotions");

            await cashier.Page.Keyboard.PressAsync("F9");
            await cashier.Page.Keyboard.PressAsync("Enter");
            await cashier.WaitForReceiptAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-line-promotion")).ToContainTextAsync(["Biscuits ₹80", "Soap 2 + 1"]);
            await Expect(cashier.Receipt.GetByTestId("receipt-line-promotion").First).ToContainTextAsync("saves 20.00");
            await Expect(cashier.Receipt.GetByTestId("receipt-bill-promotion")).ToContainTextAsync("−100.00");
            await session.ReceiptScreenshotAsync("receipt-promotions");

            var orders = await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Count == 1, Patience.Exchanges,
                o => $"HQ has {o.Count} of 1 orders");
            Assert.Equal((totalPaise, 0), (orders[0].Order.Totals.TotalPaise, orders[0].Flags.Count));
            Assert.Equal(10_000, orders[0].Order.BillPromotion?.AmountPaise);
        });
    }
}
