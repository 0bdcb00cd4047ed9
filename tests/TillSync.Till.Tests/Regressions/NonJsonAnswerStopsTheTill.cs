// Regression: a 200 answer that is not HQ's JSON (shop Wi-Fi's sign-in page) threw out of the sync agent and stopped
// the whole till, cashier page included. A real till process behind the fault proxy in captive-portal mode.
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Regressions;

public sealed class NonJsonAnswerStopsTheTill
{
    [Fact]
    public async Task Sync_LoginPageInsteadOfHq_KeepsTheTillSellingAndDrainsWhenTheLinkReturns()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();

        shop.Link.SetMode(LinkMode.CaptivePortal);
        await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        var state = await Eventually.UntilAsync(() => LinkStateAsync(till), s => s != "online", Patience.Exchanges,
            "the till to notice that HQ is not answering", till);
        Assert.True(state == "offline", $"the till is {state}:\n{till.Output(25)}");
        var second = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 2)]));

        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        Assert.Equal([2L, 3L], (await shop.HqOrdersAsync()).Select(o => o.TillSeq)); // after the shift's open
        Assert.Equal(3, second.TillSeq);
    }

    private static async Task<string> LinkStateAsync(TillProcess till)
    {
        if (!till.IsRunning)
        {
            return "exited";
        }

        try
        {
            return (await till.Api.StatusAsync()).Online ? "online" : "offline";
        }
        catch (HttpRequestException)
        {
            return "not answering";
        }
    }
}
