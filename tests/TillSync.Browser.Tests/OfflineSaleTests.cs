// Proves the till keeps selling through the page when HQ goes away, says so in the status bar, and drains its queue
// to HQ in till-sequence order once HQ is back: real HQ killed with SIGKILL and restarted on the same port and data.
using TillSync.Browser.Tests.Harness;
using TillSync.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TillSync.Browser.Tests;

[Collection(CashierPageSuite.Name)]
public sealed class OfflineSaleTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan SyncTimeout = Patience.Exchanges;

    [Fact]
    public async Task HqDown_FiveSalesWait_ThenAllEightReachHqInTillSeqOrder()
    {
        await using var session = await CashierSession.StartAsync(browser, output, nameof(HqDown_FiveSalesWait_ThenAllEightReachHqInTillSeqOrder));
        var cashier = session.Cashier;
        var tillId = session.Enrolment.TillId;
        await session.RunAsync(async () =>
        {
            var bills = new List<string>();
            await cashier.WaitForSyncStateAsync("online", SyncTimeout);
            bills.Add(await cashier.SellForCashAsync(("RICE-5KG", "RICE-5KG", "1"), ("SOAP-125G", "SOAP-125G", "1"), ("MILK-500ML", "MILK-500ML", "1")));
            bills.Add(await cashier.SellForCashAsync(("GHEE-1L", "GHEE-1L", "1")));
            bills.Add(await cashier.SellForCashAsync(("COLA-750ML", "COLA-750ML", "1")));
            await cashier.WaitForQueueDepthAsync(0, SyncTimeout);
            await Poll.UntilAsync(() => session.Hq.OrdersAsync(tillId), o => o.Count == 3, SyncTimeout, o => $"HQ has {o.Count} of 3 orders");

            session.Hq.KillHard();
            string[] offlineItems = ["MILK-500ML", "SOAP-125G", "COLA-750ML", "8901725181109", "GHEE-1L"];
            foreach (var code in offlineItems)
            {
                var sku = Shop.Products.Single(p => p.Sku == code || p.Barcode == code).Sku;
                bills.Add(await cashier.SellForCashAsync((code, sku, "1")));
            }

            await cashier.WaitForSyncStateAsync("offline", SyncTimeout);
            await cashier.WaitForQueueDepthAsync(5, SyncTimeout);
            await Expect(cashier.By("offline-banner")).ToBeVisibleAsync();
            await Expect(cashier.By("offline-banner")).ToContainTextAsync("Offline for");
            await Expect(cashier.By("offline-banner")).ToContainTextAsync("5 sales waiting");
            // The status bar has room for the gist; the banner gives the whole reason.
            await Expect(cashier.By("offline-banner")).ToContainTextAsync("(HQ unreachable: ");
            await Expect(cashier.By("last-sync")).ToContainTextAsync("HQ unreachable");
            Assert.True(await cashier.By("last-sync").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"),
                $"the status bar cuts off its last sync: {await cashier.By("last-sync").GetAttributeAsync("title")}");
            await Expect(cashier.By("oldest-unsynced")).Not.ToHaveTextAsync("none");
            await session.ScreenshotAsync("cashier-offline-5-waiting");

            await session.Hq.RestartAsync();
            await cashier.WaitForQueueDepthAsync(0, SyncTimeout);
            await cashier.WaitForSyncStateAsync("online", SyncTimeout);
            await Expect(cashier.By("offline-banner")).ToBeHiddenAsync();
            await Expect(cashier.By("last-sync")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^(\\d+ synced|up to date)"));
            Assert.True(await cashier.By("last-sync").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"),
                $"the status bar cuts off its last sync: {await cashier.By("last-sync").GetAttributeAsync("title")}");
            await session.ScreenshotAsync("cashier-back-online");

            var orders = await session.Hq.OrdersAsync(tillId);
            Assert.Equal(8, orders.Count);
            Assert.Equal([2L, 3, 4, 5, 6, 7, 8, 9], orders.Select(o => o.TillSeq).ToArray()); // in HQ's commit order, after the shift's open
            Assert.Equal(orders.Select(o => o.HqSeq).Order().ToArray(), orders.Select(o => o.HqSeq).ToArray());
            Assert.Equal(bills, orders.Select(o => o.Order.BillNo).ToList());
            Assert.Equal(8, orders.Select(o => o.ClientOrderId).Distinct().Count());
        });
    }
}
