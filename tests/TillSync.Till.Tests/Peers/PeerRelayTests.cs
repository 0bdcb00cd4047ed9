// Proves the relay end to end (issue 25's acceptance, ADR 0020) with a real HQ and four real `tillsync till` processes of
// one store on loopback: only till A reaches HQ, B's, C's and D's links are cut at their fault proxies while the LAN is up.
// Their sales reach HQ through A's copies, each committed once and in its till's order; B, C and D learn it from HQ's
// signed statement that A hands on in its peer heads answer, so their queues drain while their links are still cut; and
// when every link heals, none of them sends HQ those documents again and HQ commits nothing twice. Each step waits for a
// condition.
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Orders;
using TillSync.Contracts.Sync;
using TillSync.Testing;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Peers;

public sealed class PeerRelayTests
{
    private const string Sku = "RICE-5KG";
    private const int Tills = 4;
    private const int SalesPerCutTill = 3;

    [Fact]
    public async Task FourTills_OnlyAReachesHq_EverySaleReachesHqThroughAOnceInOrder_AndNothingIsSentTwiceOnceLinksHeal()
    {
        await using var store = await LinkedStore.StartAsync(Tills);
        var cut = store.Tills.Skip(1).ToList();
        foreach (var link in store.Links.Skip(1))
        {
            link.SetMode(LinkMode.Refuse);
        }

        var beforeCut = store.Links.Select(l => l.Exchanges.Count).ToList();
        var sold = new List<Receipt[]>();
        var quantity = 0m;
        foreach (var (_, process) in cut)
        {
            var receipts = new Receipt[SalesPerCutTill];
            for (var i = 0; i < receipts.Length; i++)
            {
                receipts[i] = await process.Api.SellAsync(Sale(++quantity));
            }

            sold.Add(receipts);
        }

        var manager = new ManagerClient(store.Hq);
        foreach (var ((client, process), receipts) in cut.Zip(sold))
        {
            var atHq = await WaitOrdersAsync(manager, client.TillId, receipts.Length, store.Hq);
            Assert.Equal(receipts.Select(s => (s.ClientOrderId, s.TillSeq)), atHq.OrderBy(o => o.HqSeq).Select(o => (o.ClientOrderId, o.TillSeq)));
            // The till learns the delivery from A, its own link still cut.
            Assert.False((await process.Api.WaitDrainedAsync()).Online);
        }

        Assert.Contains(store.Links[0].Exchanges.Skip(beforeCut[0]), e => e.Path == "/api/v2/sync/relay" && e.StatusCode == 200);

        foreach (var link in store.Links.Skip(1))
        {
            link.SetMode(LinkMode.Pass);
        }

        foreach (var (_, process) in cut)
        {
            await process.Api.WaitOnlineAsync();
            Assert.Equal(0, (await process.Api.StatusAsync()).QueueDepth);
        }

        // Every sync of B, C and D that reached HQ since the cut (the ones once healed; a heartbeat in flight at the cut)
        // carried no document: HQ answered none of theirs directly.
        foreach (var (link, before) in store.Links.Zip(beforeCut).Skip(1))
        {
            var syncs = link.Exchanges.Skip(before).Where(e => e.Path == "/api/v2/sync" && e.StatusCode == 200).ToList();
            Assert.NotEmpty(syncs);
            Assert.All(syncs, e => Assert.Contains("\"results\":[]", e.ResponseBody, StringComparison.Ordinal));
        }

        // Each relayed document was created at HQ once (anything A offered again could only be answered as a duplicate),
        // HQ holds each cut till's sales once, and its stock moved once per sale.
        var created = RelayedCreated(store.Links[0].Exchanges);
        foreach (var ((client, _), receipts) in cut.Zip(sold))
        {
            Assert.All(receipts, r => Assert.Equal(1, created.GetValueOrDefault((client.TillId, r.TillSeq))));
            Assert.Equal(receipts.Length, (await manager.ListAllOrdersAsync(client.TillId)).Count);
        }

        Assert.All(created, c => Assert.Equal(1, c.Value));
        Assert.Equal(HqScenario.OpeningStock - (quantity * (quantity + 1) / 2), (await manager.OnHandAllAsync())[Sku]);
    }

    // How many times HQ answered `created` for each (origin till, tillSeq) in the relay answers that crossed A's link.
    private static Dictionary<(long TillId, long TillSeq), int> RelayedCreated(IEnumerable<ProxyExchange> exchanges) =>
        exchanges.Where(e => e.Path == "/api/v2/sync/relay" && e.StatusCode == 200)
            .SelectMany(e => JsonSerializer.Deserialize(e.ResponseBody, TillSyncJsonContext.Default.RelaySyncResponse)!.Groups)
            .SelectMany(g => g.Results.Where(r => r.Status == SyncStatus.Created).Select(r => (g.TillId, r.TillSeq)))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    private static Task<IReadOnlyList<OrderView>> WaitOrdersAsync(ManagerClient manager, long tillId, int count, HqProcess hq) =>
        Eventually.UntilAsync(() => manager.ListAllOrdersAsync(tillId), o => o.Count >= count, Patience.Exchanges,
            $"HQ holds till {tillId}'s {count} sales", hq);

    private static SaleRequest Sale(decimal qty) => new([new CartLine(Sku, qty)], [new Tender(PaymentMethods.Cash, 10_000_000)]);

    /// <summary>HQ and <c>n</c> enrolled tills of its one store, each behind its own link and a peer of all the others;
    /// all online, each holding every till's key.</summary>
    private sealed class LinkedStore : IAsyncDisposable
    {
        private readonly List<IAsyncDisposable> started = [];

        public HqProcess Hq { get; private set; } = null!;

        public List<(TillClient Client, TillProcess Process)> Tills { get; } = [];

        public List<FaultProxy> Links { get; } = [];

        public static async Task<LinkedStore> StartAsync(int count)
        {
            var store = new LinkedStore();
            store.Hq = await HqProcess.StartAsync();
            store.started.Add(store.Hq);
            await HqScenario.SetUpAsync(store.Hq);
            var ports = Enumerable.Range(0, count).Select(_ => StoreLan.FreePort()).ToList();
            for (var i = 0; i < ports.Count; i++)
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

            // Every till but the last took its snapshot before a later till registered its key: a restart fetches one that
            // holds them all.
            foreach (var (_, till) in store.Tills.Take(count - 1))
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
