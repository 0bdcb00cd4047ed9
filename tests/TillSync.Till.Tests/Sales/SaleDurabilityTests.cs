// Proves a sale the till answered 201 for survives kill -9 and reaches HQ exactly once: the till process is SIGKILLed
// the moment the sale commits (HQ down), restarted on the same SQLite file, and HQ is then started behind the link.
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;
using Xunit.Abstractions;

namespace TillSync.Till.Tests.Sales;

public sealed class SaleDurabilityTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Sale_TillKilledRightAfterCommitWithHqDown_SurvivesAndReachesHqOnce()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        shop.Hq.KillHard();

        var original = await till.Api.ReceiptJsonAsync((await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 2)]))).ClientOrderId);
        till.KillHard();
        await till.RestartAsync();

        var sale = Assert.Single(await till.Api.AllSalesAsync());
        var id = Guid.Parse(original["clientOrderId"]!.GetValue<string>());
        Assert.Equal((id, 2L, "pending"), (sale.ClientOrderId, sale.TillSeq, sale.SyncState)); // after the shift's open
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(original, await till.Api.ReceiptJsonAsync(id)), "the receipt changed across kill -9");
        Assert.Equal(2, (await till.Api.StatusAsync()).QueueDepth); // the shift's open and the sale

        await shop.StartHqAgainAsync();
        await till.Api.WaitDrainedAsync();
        var second = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("COLA-750ML", 1)]));
        await till.Api.WaitDrainedAsync();

        var orders = await shop.HqOrdersAsync();
        Assert.Equal([(id, 2L, sale.BillNo), (second.ClientOrderId, 3L, second.BillNo)], orders.Select(o => (o.ClientOrderId, o.TillSeq, o.Order.BillNo)));
        Assert.All(orders, o => Assert.Equal("committed", o.Status));
    }

    [Fact]
    public async Task Sales_TillKilledDuringABurst_KeepEveryAcknowledgedSaleWithoutGaps()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var carts = new Carts(seed);
        log.WriteLine($"seed {seed}");

        // Four cashiers' clicks at once, killed after a random moment: some sales are acknowledged, some cut off.
        var acknowledged = new List<Receipt>();
        int Acknowledged()
        {
            lock (acknowledged)
            {
                return acknowledged.Count;
            }
        }

        var sales = Enumerable.Range(0, 60).Select(_ => carts.Next()).ToList();
        using var stop = new CancellationTokenSource();
        var sellers = Enumerable.Range(0, 4).Select(lane => Task.Run(async () =>
        {
            for (var i = lane; i < sales.Count && !stop.IsCancellationRequested; i += 4)
            {
                try
                {
                    var receipt = await till.Api.SellAsync(sales[i]);
                    lock (acknowledged)
                    {
                        acknowledged.Add(receipt);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // The till died under this click: its outcome is unknown to the cashier.
                }
            }
        })).ToList();
        // The kill comes a random moment after the first sale of the burst was acknowledged, so it lands mid-burst.
        await Eventually.UntilAsync(() => Task.FromResult(Acknowledged()), n => n > 0, Patience.Exchanges, "a first sale of the burst", till);
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 250)));
        till.KillHard();
        await stop.CancelAsync();
        await Task.WhenAll(sellers);
        log.WriteLine($"{acknowledged.Count} sales acknowledged before kill -9");

        await till.RestartAsync();
        var kept = await till.Api.AllSalesAsync();
        Assert.Equal(Enumerable.Range(2, kept.Count).Select(n => (long)n), kept.Select(s => s.TillSeq)); // after the shift's open at 1
        Assert.Subset(kept.Select(s => s.ClientOrderId).ToHashSet(), acknowledged.Select(r => r.ClientOrderId).ToHashSet());

        await till.Api.WaitDrainedAsync();
        var orders = await shop.HqOrdersAsync();
        Assert.Equal(kept.Select(s => (s.ClientOrderId, s.TillSeq, s.BillNo)), orders.Select(o => (o.ClientOrderId, o.TillSeq, o.Order.BillNo)));
        Assert.All(orders, o => Assert.Equal("committed", o.Status));
    }
}
