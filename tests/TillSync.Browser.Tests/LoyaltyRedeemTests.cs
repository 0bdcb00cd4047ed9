// Proves the cashier page's loyalty flow against a real HQ and till: a phone attached to a sale shows the earn preview
// and earns; on the next sale the balance HQ holds shows, a redemption above the offline limit goes through the code the
// customer receives (read from HQ's dev log, the tests' SMS gateway), and HQ records the burn with its token exactly once.
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed partial class LoyaltyRedeemTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan SyncTimeout = Patience.Exchanges;
    private const string Phone = "9812345678";

    [Fact]
    public async Task PhoneEarns_ThenRedeemAboveOfflineLimitWithSmsCode_HqBurnsOnceWithToken()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(PhoneEarns_ThenRedeemAboveOfflineLimitWithSmsCode_HqBurnsOnceWithToken));
        var cashier = session.Cashier;
        await session.RunAsync(async () =>
        {
            await cashier.WaitForSyncStateAsync("online", SyncTimeout);
            // HQ's default settings: 1 point per whole ₹100, 25 paise a point, ₹200 redeemable offline. 120 ghee at ₹728 earn 873.
            await cashier.ScanAsync("120*GHEE-1L", "GHEE-1L", "120");
            await cashier.By("customer-phone").FillAsync(Phone);
            await Expect(cashier.By("loyalty-earn")).ToHaveTextAsync("This bill earns 873 points.");
            // The receipt hides all but the phone's last four digits, and prints the points: a new customer (HQ answered the
            // page's lookup with 0) ends the bill with the 873 it earned.
            await cashier.SellForCashShowingReceiptAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-phone")).ToHaveTextAsync("Phone: ••••••5678");
            Assert.DoesNotContain(Phone, await cashier.Receipt.InnerTextAsync(), StringComparison.Ordinal);
            await Expect(cashier.Receipt.GetByTestId("receipt-points-earned")).ToContainTextAsync("873");
            await Expect(cashier.Receipt.GetByTestId("receipt-points-redeemed")).ToHaveCountAsync(0);
            await Expect(cashier.Receipt.GetByTestId("receipt-points-balance")).ToContainTextAsync("873");
            Assert.True(await cashier.By("last-sync").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"),
                $"the status bar cuts off its last sync: {await cashier.By("last-sync").GetAttributeAsync("title")}");
            await cashier.CloseReceiptAsync();
            await cashier.WaitForQueueDepthAsync(0, SyncTimeout);

            // 850 points are ₹212.50, above the offline limit: only a code sent to the customer unlocks them.
            await cashier.ScanAsync("GHEE-1L", "GHEE-1L", "1");
            await cashier.By("customer-phone").FillAsync(Phone);
            await Expect(cashier.By("loyalty-points-balance")).ToHaveTextAsync("873");
            await cashier.By("loyalty-points").FillAsync("850");
            await cashier.By("loyalty-apply").ClickAsync();
            await Expect(cashier.By("loyalty-message")).ToContainTextAsync("a code is needed");
            await cashier.By("loyalty-send-code").ClickAsync();
            await Expect(cashier.By("loyalty-code-step")).ToBeVisibleAsync();
            var code = await Poll.UntilAsync(() => Task.FromResult(CodeLine().Match(session.Hq.Output(400)).Groups[1].Value),
                c => c.Length == 6, SyncTimeout, _ => "HQ to log the loyalty code");
            await cashier.By("loyalty-code").FillAsync(code);
            await cashier.By("loyalty-verify").ClickAsync();
            await Expect(cashier.By("loyalty-applied")).ToContainTextAsync("Redeeming 850 points (₹212.50) with a verified code");
            await session.ScreenshotAsync("cashier-loyalty-code-accepted");
            // HQ's balance of 873 as the till looked it up, less 850 redeemed, plus 7 earned on this bill.
            await cashier.SellForCashShowingReceiptAsync();
            await Expect(cashier.Receipt.GetByTestId("receipt-points-redeemed")).ToContainTextAsync("850");
            await Expect(cashier.Receipt.GetByTestId("receipt-points-earned")).ToContainTextAsync("7");
            await Expect(cashier.Receipt.GetByTestId("receipt-points-balance")).ToContainTextAsync("30");
            await cashier.CloseReceiptAsync();
            await cashier.WaitForQueueDepthAsync(0, SyncTimeout);

            var orders = await session.Hq.OrdersAsync(session.Enrolment.TillId);
            var burn = orders[^1].Order;
            Assert.Equal((850L, 7L), (burn.Loyalty!.BurnPoints, burn.Loyalty.EarnPoints));
            Assert.StartsWith("lrt_", burn.Loyalty.RedemptionToken, StringComparison.Ordinal);
            Assert.Contains(burn.Payments, p => p is { Method: "loyalty", AmountPaise: 21_250 });
            Assert.Equal(SyncStatusCommitted, orders[^1].Status);
            using var balance = JsonDocument.Parse(await GetAsync(session.Hq, $"/api/v1/loyalty/customers/{Phone}"));
            Assert.Equal(873 - 850 + 7, balance.RootElement.GetProperty("balancePoints").GetInt64());
        });
    }

    private const string SyncStatusCommitted = "committed";

    private static async Task<string> GetAsync(HqServer hq, string path)
    {
        using var client = Client(hq);
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    private static HttpClient Client(HqServer hq)
    {
        var client = new HttpClient { BaseAddress = hq.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hq.AdminToken);
        return client;
    }

    [GeneratedRegex(@"loyalty code for request [^:]+: (\d{6})")]
    private static partial Regex CodeLine();
}
