// Proves the cashier's discount, bill discount and price override flows on the page, by keyboard (issue 21): F1 takes
// 30 % off a line, the till says a supervisor must approve, F9 opens the PIN prompt and the receipt prints the discount;
// F1 overrides a price and Shift+F1 takes ₹10 off the bill; HQ then records the supervisor who approved both.
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class DiscountApprovalTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan SyncTimeout = Patience.Exchanges;

    [Fact]
    public async Task KeyboardOnly_LineDiscountOverrideAndBillDiscount_ApprovedBySupervisorPin_ReachHqWithTheApprover()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(KeyboardOnly_LineDiscountOverrideAndBillDiscount_ApprovedBySupervisorPin_ReachHqWithTheApprover));
        var cashier = session.Cashier;
        var keyboard = cashier.Page.Keyboard;
        await session.RunAsync(async () =>
        {
            // 30 % off the ₹650.00 ghee: beyond a cashier's 10 %.
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            await keyboard.PressAsync("F1");
            await Expect(cashier.By("price-discount")).ToBeFocusedAsync();
            await keyboard.TypeAsync("30%");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.CartLine("GHEE-1L").GetByTestId("line-markdown")).ToHaveTextAsync("discount −₹195.00 (30%)");
            await cashier.WaitForTotalsAsync();
            await Expect(cashier.By("quote-state")).ToContainTextAsync("needs a supervisor's or manager's PIN");
            // ₹455.00 + 12 % GST = ₹509.60, billed ₹510.00.
            Assert.Equal(51_000, await cashier.TotalPaiseAsync());

            await keyboard.PressAsync("F9");
            await Expect(cashier.By("tender-amount").First).ToHaveValueAsync("510.00");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("approval-pin")).ToBeFocusedAsync();
            await Expect(cashier.By("approval-why")).ToContainTextAsync("line 1 (GHEE-1L) 30 % off");
            await keyboard.TypeAsync("9999");
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync("dented tin");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("message")).ToContainTextAsync("Wrong PIN");
            await Expect(cashier.By("receipt-dialog")).Not.ToBeVisibleAsync();

            await keyboard.PressAsync("F9");
            await Expect(cashier.By("approval-pin")).ToBeFocusedAsync();
            await keyboard.TypeAsync(SeededStaff.Supervisor.Pin!);
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync("dented tin");
            await keyboard.PressAsync("Enter");
            await cashier.WaitForReceiptAsync();
            await Expect(cashier.Receipt).ToContainTextAsync("−195.00");
            await Expect(cashier.Receipt.GetByTestId("receipt-total")).ToHaveTextAsync("₹510.00");
            await session.ReceiptScreenshotAsync("receipt-discount-approved");
            await cashier.CloseReceiptAsync();

            // 3 soaps overridden to ₹40.00 (a cashier may not override), then ₹10 off the bill: ₹110.00 + 18 % = ₹129.80, ₹130.
            await cashier.ScanAsync("3*SOAP-125G", "SOAP-125G", "3");
            await keyboard.PressAsync("F1");
            await Expect(cashier.By("price-discount")).ToBeFocusedAsync();
            await keyboard.PressAsync("Tab");
            await Expect(cashier.By("price-override")).ToBeFocusedAsync();
            await keyboard.TypeAsync("40");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.CartLine("SOAP-125G").GetByTestId("line-markdown")).ToHaveTextAsync("price ₹40.00 (was ₹45.00)");
            await keyboard.PressAsync("Shift+F1");
            await Expect(cashier.By("price-override-row")).ToBeHiddenAsync();
            await keyboard.TypeAsync("10");
            await keyboard.PressAsync("Enter");
            await cashier.WaitForTotalsAsync();
            await Expect(cashier.By("quote-state")).ToContainTextAsync("bill discount ₹10.00");
            Assert.Equal(13_000, await cashier.TotalPaiseAsync());
            await session.ScreenshotAsync("cashier-override-bill-discount");

            await keyboard.PressAsync("F9");
            await keyboard.PressAsync("Enter");
            await Expect(cashier.By("approval-pin")).ToBeFocusedAsync();
            await keyboard.TypeAsync(SeededStaff.Supervisor.Pin!);
            await keyboard.PressAsync("Tab");
            await keyboard.TypeAsync("price match");
            await keyboard.PressAsync("Enter");
            await cashier.WaitForReceiptAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-total")).ToHaveTextAsync("₹130.00");
            await Expect(cashier.Receipt).ToContainTextAsync("× 40.00 −10.00");
            await cashier.CloseReceiptAsync();

            var orders = await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Count == 2, SyncTimeout,
                o => $"HQ has {o.Count} of 2 orders");
            Assert.Equal([(SeededStaff.Supervisor.Name, "dented tin", 0), (SeededStaff.Supervisor.Name, "price match", 0)],
                orders.Select(o => (o.ApprovedBy, o.Order.Approval?.Reason, o.Flags.Count)));
            Assert.Equal([4_000L], orders[1].Order.Lines.Select(l => l.UnitPricePaise));
            Assert.Equal([1_000L], orders[1].Order.Lines.Select(l => l.DiscountPaise));
        });
    }
}
