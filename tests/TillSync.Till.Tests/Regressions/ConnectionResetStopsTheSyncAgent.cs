// Regression: a connection reset right after connect reaches the sync agent as a bare SocketException (not an
// HttpRequestException), which it did not catch, so the agent died and the till stopped. A real till process is
// woken again and again behind a link that accepts and resets every connection.
using TillSync.Testing;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Regressions;

public sealed class ConnectionResetStopsTheSyncAgent
{
    private const int AttemptsMin = 150;


    [Fact]
    public async Task Sync_ManyConnectionsResetByTheNetwork_KeepsTheTillRunningAndRetrying()
    {
        await using var shop = await TillScenario.StartAsync();
        var till = await shop.StartTillProcessAsync();
        await till.Api.WaitOnlineAsync();
        shop.Link.SetMode(LinkMode.Reset);
        await till.Api.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        // Each wake-up is one more attempt through the resetting link, seen there as one more reset connection; the
        // till must survive every one. A wake-up after the agent died finds no new reset and times out.
        var attempts = 0;
        while (attempts < AttemptsMin && till.IsRunning)
        {
            var resetsBefore = shop.Link.ResetCount;
            try
            {
                await till.Api.SyncNowAsync();
            }
            catch (HttpRequestException)
            {
                break; // The till stopped answering.
            }

            await Eventually.UntilAsync(() => Task.FromResult(shop.Link.ResetCount), n => n > resetsBefore || !till.IsRunning, Patience.Exchanges,
                $"wake-up {attempts + 1} to reach the link", till);
            attempts++;
        }

        Assert.True(till.IsRunning && attempts >= AttemptsMin, $"the till stopped after {attempts} wake-ups:\n{till.Output(30)}");
        shop.Link.SetMode(LinkMode.Pass);
        await till.Api.SyncNowAsync();
        await till.Api.WaitDrainedAsync();
        Assert.Single(await shop.HqOrdersAsync());
    }
}
