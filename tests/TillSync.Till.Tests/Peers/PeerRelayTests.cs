// Proves the relay end to end (issue 25 item 4, ADR 0020) with a real HQ and three real `tillsync till` processes of one
// store on loopback: only till A reaches HQ, B's and C's links are cut at their fault proxies while the LAN is up. B's and
// C's sales reach HQ through A's copies, each once and in its till's order; B and C learn it from HQ's signed statement
// that A hands on in its peer heads answer, so their queues drain while their links are still cut; and when the links
// heal, neither sends HQ any of those documents again. Each step waits for a condition.
using TillSync.Contracts.Sync;
using TillSync.Contracts.Orders;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerRelayTests
{
    private const string Sku = "RICE-5KG";

    [Fact]
    public async Task OnlyAReachesHq_BsAndCsSalesReachHqThroughA_TheirQueuesDrainThroughPeers_AndNothingIsSentTwice()
    {
        await using var store = await ThreeTills.StartAsync();
        var (b, c) = (store.Tills[1], store.Tills[2]);
        store.Links[1].SetMode(LinkMode.Refuse);
        store.Links[2].SetMode(LinkMode.Refuse);
        var beforeCut = store.Links.Select(l => l.Exchanges.Count).ToList();

        Receipt[] soldAtB = [await b.Process.Api.SellAsync(Sale(1)), await b.Process.Api.SellAsync(Sale(2))];
        Receipt[] soldAtC = [await c.Process.Api.SellAsync(Sale(3)), await c.Process.Api.SellAsync(Sale(4))];

        var manager = new ManagerClient(store.Hq);
        var atHqB = await WaitOrdersAsync(manager, b.Client.TillId, soldAtB.Length, store.Hq);
        var atHqC = await WaitOrdersAsync(manager, c.Client.TillId, soldAtC.Length, store.Hq);
        // B and C learn the delivery from A, their own links still cut.
        var drainedB = await b.Process.Api.WaitDrainedAsync();
        var drainedC = await c.Process.Api.WaitDrainedAsync();

        Assert.Equal(soldAtB.Select(s => (s.ClientOrderId, s.TillSeq)), atHqB.OrderBy(o => o.HqSeq).Select(o => (o.ClientOrderId, o.TillSeq)));
        Assert.Equal(soldAtC.Select(s => (s.ClientOrderId, s.TillSeq)), atHqC.OrderBy(o => o.HqSeq).Select(o => (o.ClientOrderId, o.TillSeq)));
        Assert.False(drainedB.Online);
        Assert.False(drainedC.Online);
        Assert.Contains(store.Links[0].Exchanges.Skip(beforeCut[0]), e => e.Path == "/api/v2/sync/relay" && e.StatusCode == 200);

        store.Links[1].SetMode(LinkMode.Pass);
        store.Links[2].SetMode(LinkMode.Pass);
        await b.Process.Api.WaitOnlineAsync();
        await c.Process.Api.WaitOnlineAsync();

        // Every sync of B and C that reached HQ since the cut (the ones once healed; a heartbeat in flight at the cut) carried
        // no document: HQ answered none of theirs directly.
        foreach (var (link, cut) in store.Links.Zip(beforeCut).Skip(1))
        {
            var syncs = link.Exchanges.Skip(cut).Where(e => e.Path == "/api/v2/sync" && e.StatusCode == 200).ToList();
            Assert.NotEmpty(syncs);
            Assert.All(syncs, e => Assert.Contains("\"results\":[]", e.ResponseBody, StringComparison.Ordinal));
        }

        Assert.Equal(2, (await manager.ListAllOrdersAsync(b.Client.TillId)).Count);
        Assert.Equal(2, (await manager.ListAllOrdersAsync(c.Client.TillId)).Count);
        Assert.Equal(HqScenario.OpeningStock - 10, (await manager.OnHandAllAsync())[Sku]);
        Assert.Equal(0, (await b.Process.Api.StatusAsync()).QueueDepth);
    }

    private static Task<IReadOnlyList<OrderView>> WaitOrdersAsync(ManagerClient manager, long tillId, int count, HqProcess hq) =>
        Eventually.UntilAsync(() => manager.ListAllOrdersAsync(tillId), o => o.Count >= count, Patience.Exchanges,
            $"HQ holds till {tillId}'s {count} sales", hq);

    private static SaleRequest Sale(decimal qty) => new([new CartLine(Sku, qty)], [new Tender(PaymentMethods.Cash, 10_000_000)]);

    /// <summary>HQ and three enrolled tills of its one store, each behind its own link and a peer of the other two; all
    /// online, each holding every till's key.</summary>
    private sealed class ThreeTills : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> started = [];

        public HqProcess Hq { get; private set; } = null!;

        public List<(TillClient Client, TillProcess Process)> Tills { get; } = [];

        public List<FaultProxy> Links { get; } = [];

        public static async Task<ThreeTills> StartAsync()
        {
            var store = new ThreeTills();
            store.Hq = await HqProcess.StartAsync();
            store.started.Add(store.Hq);
            await HqScenario.SetUpAsync(store.Hq);
            int[] ports = [StoreLan.FreePort(), StoreLan.FreePort(), StoreLan.FreePort()];
            for (var i = 0; i < ports.Length; i++)
            {
                var client = await HqScenario.EnrolTillAsync(store.Hq);
                var link = FaultProxy.Start(store.Hq.BaseAddress);
                store.started.Add(link);
                store.Links.Add(link);
                var peers = string.Join(',', ports.Where((_, j) => j != i).Select(p => $"http://127.0.0.1:{p}/"));
                var till = await TillProcess.StartAsync(link.Address, client.Token, "--peer-urls", $"http://127.0.0.1:{ports[i]}", "--peers", peers);
                store.started.Add(till);
                await till.Api.WaitOnlineAsync();
                store.Tills.Add((client, till));
            }

            // A and B took their snapshots before the later tills registered their keys: a restart fetches ones that hold them.
            foreach (var (_, till) in store.Tills.Take(2))
            {
                await till.RestartAsync();
                await till.Api.WaitOnlineAsync();
            }

            return store;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var process in Enumerable.Reverse(started))
            {
                await process.DisposeAsync();
            }
        }
    }
}
