// Proves store credit end to end by keyboard on real processes and a real browser: a return refunded to store credit
// prints its voucher's code on the credit note; a later sale pays part with a Store credit tender naming that code and
// the rest in cash, the receipt shows the voucher, and HQ draws the voucher down to zero once the till's queue arrives.
using System.Globalization;
using TillSync.Browser.Tests.Harness;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Returns;
using TillSync.Core.Tax;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(ReturnsAndBackOfficeSuite.Name)]
public sealed class StoreCreditTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task ReturnToStoreCredit_PrintsTheVoucher_ThenASalePaysWithIt_AndHqDrawsItDown()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(ReturnToStoreCredit_PrintsTheVoucher_ThenASalePaysWithIt_AndHqDrawsItDown));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            var creditPaise = BillTotals.Of([ReturnMath.ForLine(3, 4_500, 0, 1_800, 2, SupplyKind.IntraState)]).TotalPaise;
            var billNo = await cashier.SellForCashAsync(("3*SOAP-125G", "SOAP-125G", "3"));
            await cashier.FindForReturnAsync(billNo, billNo);
            await keyboard.TypeAsync("2");
            await cashier.WaitForReturnTotalAsync(creditPaise);
            await cashier.By("return-refund-method").SelectOptionAsync(RefundMethods.StoreCredit);
            await keyboard.PressAsync("F9");
            var voucher = await cashier.WaitForCreditNoteAsync();
            await Expect(cashier.CreditNote.GetByTestId("credit-note-voucher")).ToHaveAttributeAsync("data-code", voucher);
            await session.ReceiptScreenshotAsync("store-credit-voucher", cashier.CreditNote);
            await cashier.CloseReceiptAsync();

            // The customer comes back for ghee: the voucher pays its value, cash the rest.
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            var gheePaise = await cashier.TotalPaiseAsync();
            await keyboard.PressAsync("F9");
            var firstTender = cashier.By("tender-row").First;
            await firstTender.GetByTestId("tender-method").SelectOptionAsync(PaymentMethods.StoreCredit);
            await Expect(firstTender.GetByTestId("tender-voucher")).ToBeFocusedAsync();
            await keyboard.TypeAsync(voucher);
            await firstTender.GetByTestId("tender-amount").FillAsync(Plain(creditPaise));
            await keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").Nth(1)).ToHaveValueAsync(Plain(gheePaise - creditPaise));
            await session.ScreenshotAsync("store-credit-tender");
            await keyboard.PressAsync("F9");

            await cashier.WaitForReceiptAsync();
            await Expect(cashier.Receipt.Locator($"[data-testid=\"receipt-payment\"][data-method=\"{PaymentMethods.StoreCredit}\"]")).ToContainTextAsync(voucher);
            await session.ReceiptScreenshotAsync("store-credit-bill");

            var drawn = await Poll.UntilAsync(() => session.Hq.StoreCreditAsync(voucher), v => v?.Movements.Count == 2, Patience.Exchanges,
                v => v is null ? "HQ has not seen the voucher" : $"{v.Movements.Count} movements, balance {v.BalancePaise}");
            Assert.Equal((true, creditPaise, creditPaise, 0L), (drawn!.Issued, drawn.IssuedPaise, drawn.SpentPaise, drawn.BalancePaise));
        });
    }

    private static string Plain(long paise) => string.Create(CultureInfo.InvariantCulture, $"{paise / 100}.{paise % 100:D2}");
}
