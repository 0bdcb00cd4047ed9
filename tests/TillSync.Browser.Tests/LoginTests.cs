// Proves PIN login on the cashier page against real HQ and till processes: five wrong PINs lock the cashier until a
// supervisor unlocks them in the dialog, a switch of cashier attributes each later sale to the new cashier at HQ, and
// "Lock / switch" brings the dialog back. The PINs never show on the page.
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class LoginTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task FiveWrongPins_LockUntilASupervisorUnlocks_AndASwitchAttributesLaterSalesToTheNewCashier()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(FiveWrongPins_LockUntilASupervisorUnlocks_AndASwitchAttributesLaterSalesToTheNewCashier));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.WaitForSyncStateAsync("online", Patience.Exchanges);
            var first = await cashier.SellForCashAsync(("SOAP-125G", "SOAP-125G", "1"));

            await cashier.By("lock-button").ClickAsync();
            for (var i = 1; i <= 5; i++)
            {
                await cashier.TypePinAsync(SeededStaff.OtherCashier, "9999");
                await Expect(cashier.By("login-error")).ToContainTextAsync(i < 5 ? $"{5 - i} tr" : "Locked on this till");
            }

            await cashier.TypePinAsync(SeededStaff.OtherCashier);
            await Expect(cashier.By("login-error")).ToContainTextAsync("Locked on this till");
            await Expect(cashier.By("unlock-box")).ToBeVisibleAsync();
            await cashier.By("unlock-pin").FillAsync(SeededStaff.Supervisor.Pin!);
            await cashier.By("unlock-submit").ClickAsync();
            await Expect(cashier.By("login-hint")).ToHaveTextAsync("Unlocked: enter your PIN.");
            await Expect(cashier.By("unlock-box")).ToBeHiddenAsync();
            await cashier.LogInAsync(SeededStaff.OtherCashier);
            var second = await cashier.SellForCashAsync(("SOAP-125G", "SOAP-125G", "1"));

            await cashier.WaitForQueueDepthAsync(0, Patience.Exchanges);
            var orders = await Poll.UntilAsync(() => session.Hq.OrdersAsync(session.Enrolment.TillId), o => o.Count >= 2, Patience.Exchanges,
                o => $"{o.Count} orders at HQ");
            Assert.Equal([(first, SeededStaff.Cashier.Name), (second, SeededStaff.OtherCashier.Name)],
                orders.Select(o => (o.Order.BillNo, o.Cashier!)));
            var page = await cashier.Page.ContentAsync();
            Assert.All(SeededStaff.All, s => Assert.DoesNotContain(s.Pin!, page, StringComparison.Ordinal));
        });
    }
}
