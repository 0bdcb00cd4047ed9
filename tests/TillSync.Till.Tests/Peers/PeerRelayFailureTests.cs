// Proves that relaying never costs a till its own sync (ADR 0020): an HQ that answers 404 to the relay is not asked again
// until the till restarts; a refusal is backed off on the till's clock and tried again after it; and in both cases the
// till's own documents are synced by the same step. HQ is faked at the network boundary.
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Till.Metrics;
using TillSync.Till.Peers;
using TillSync.Till.Sales;
using TillSync.Till.Sync;
using TillSync.Till.Tests.Harness;
using TillSync.Till.Updates;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerRelayFailureTests
{
    [Fact]
    public async Task HqWithoutRelay_IsAskedOnce_AndTheTillsOwnSaleIsSynced()
    {
        await using var seller = await HqSigning.SoldAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]), 2);
        await using var till = await RelayingTillAsync(seller);
        var hq = new FakeHq(till.Snapshots.Current!);
        var agent = AgentFor(till, hq);
        await till.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));

        await agent.RunOnceAsync(CancellationToken.None);
        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, hq.RelayRequests);
        Assert.Single(Assert.Single(hq.Syncs).Documents);
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }

    [Fact]
    public async Task RefusedRelay_BacksOff_ThenGoesAgain_AndTheTillsOwnSaleIsSynced()
    {
        await using var seller = await HqSigning.SoldAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]), 2);
        await using var till = await RelayingTillAsync(seller);
        var hq = new FakeHq(till.Snapshots.Current!) { Relay = () => FakeHq.Problem(HttpStatusCode.Forbidden, "not a till of your store") };
        var agent = AgentFor(till, hq);
        await till.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));

        await agent.RunOnceAsync(CancellationToken.None);
        var afterRefusal = hq.RelayRequests;
        await agent.RunOnceAsync(CancellationToken.None);
        var withinBackoff = hq.RelayRequests;
        till.Time.Advance(TimeSpan.FromSeconds(11));
        await agent.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 1, 2), (afterRefusal, withinBackoff, hq.RelayRequests));
        Assert.Single(Assert.Single(hq.Syncs).Documents);
        Assert.Equal(0, (await till.Outbox.StateAsync(CancellationToken.None)).QueueDepth);
    }

    // A till (8) holding copies of the seller's (7) two documents, with a snapshot that says HQ holds none of them.
    private static async Task<LocalTill> RelayingTillAsync(LocalTill seller)
    {
        var till = await LocalTill.CreateAsync();
        await till.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, 1), CancellationToken.None);
        Assert.Equal(2, await PeerCopying.CopyAsync(seller, till));
        return till;
    }

    private static SyncAgent AgentFor(LocalTill till, FakeHq hq)
    {
        var http = new HttpClient(hq, disposeHandler: true);
        HqClient.Configure(http, new Uri("http://hq.test/"), "till_token");
        var link = new LinkState();
        var relay = new PeerRelay(new PeerCopies(till.Database), new Backoff(TimeSpan.FromSeconds(10), new Random(1)), till.Time,
            NullLogger<PeerRelay>.Instance);
        return new SyncAgent(new HqClient(http), till.Outbox, till.Snapshots, new HqUpdates(till.Database, till.Time), link, till.Signal,
            new Backoff(TimeSpan.FromSeconds(10), new Random(1)), till.Key, new TillMetrics(till.Outbox, link, till.Time), till.Time,
            NullLogger<SyncAgent>.Instance, relay: relay);
    }
}
