// Two tills of one store as real `tillsync till` processes on loopback, peers of each other over the store LAN
// (docs/store-lan.md), each behind its own link to a real HQ process: both reach HQ once (so each holds the other's key)
// and then lose it. Shared by the store LAN tests and the "sale at A visible at B" bench.
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using TillSync.Contracts.Tills;
using TillSync.Till.Peers;
using TillSync.Till.Web;

namespace TillSync.Testing;

/// <summary>HQ, two enrolled tills of its one store each behind its own link, peers of each other on loopback; both
/// have reached HQ (each holds the other's key) and then lost it.</summary>
public sealed class StoreLan : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> started = [];

    private StoreLan(HqProcess hq) => Hq = hq;

    public HqProcess Hq { get; }

    public TillClient TillA { get; private set; } = null!;

    public TillClient TillB { get; private set; } = null!;

    public TillProcess A { get; private set; } = null!;

    public TillProcess B { get; private set; } = null!;

    public Uri PeerUrlA { get; private set; } = null!;

    /// <summary>B's link to A's peer listener when started with a proxied LAN; null otherwise.</summary>
    public FaultProxy? LanLinkBToA { get; private set; }

    /// <summary>Starts HQ and both tills; with <paramref name="proxiedLan"/> B reaches A's peer listener through a
    /// <see cref="FaultProxy"/> (<see cref="LanLinkBToA"/>) that a test can cut.</summary>
    public static async Task<StoreLan> StartAsync(bool proxiedLan = false)
    {
        var lan = new StoreLan(await HqProcess.StartAsync());
        lan.started.Add(lan.Hq);
        await HqScenario.SetUpAsync(lan.Hq);
        lan.TillA = await HqScenario.EnrolTillAsync(lan.Hq);
        lan.TillB = await HqScenario.EnrolTillAsync(lan.Hq);
        var (linkA, linkB) = (FaultProxy.Start(lan.Hq.BaseAddress), FaultProxy.Start(lan.Hq.BaseAddress));
        lan.started.Add(linkA);
        lan.started.Add(linkB);
        var (portA, portB) = (FreePort(), FreePort());
        lan.PeerUrlA = new Uri($"http://127.0.0.1:{portA}/");
        lan.A = await TillProcess.StartAsync(linkA.Address, lan.TillA.Token, "--peer-urls", $"http://127.0.0.1:{portA}", "--peers", $"http://127.0.0.1:{portB}/");
        lan.started.Add(lan.A);
        await lan.A.Api.WaitOnlineAsync();
        if (proxiedLan)
        {
            lan.LanLinkBToA = FaultProxy.Start(lan.PeerUrlA);
            lan.started.Add(lan.LanLinkBToA);
        }

        lan.B = await TillProcess.StartAsync(linkB.Address, lan.TillB.Token, "--peer-urls", $"http://127.0.0.1:{portB}", "--peers",
            (lan.LanLinkBToA?.Address ?? lan.PeerUrlA).ToString());
        lan.started.Add(lan.B);
        await lan.B.Api.WaitOnlineAsync();
        // A took its snapshot before B registered its key: a restart fetches one that holds it.
        await lan.A.RestartAsync();
        await lan.A.Api.WaitOnlineAsync();
        linkA.SetMode(LinkMode.Refuse);
        linkB.SetMode(LinkMode.Refuse);
        return lan;
    }

    public static async Task<PeerStatusView> PeersAsync(TillProcess till)
    {
        using var http = new HttpClient { BaseAddress = till.Api.BaseAddress, Timeout = Patience.Request };
        return (await http.GetFromJsonAsync("/api/peers", PeerJsonContext.Default.PeerStatusView))!;
    }

    public static Task<PeerStatusView> WaitHeldAsync(TillProcess till, long originTillId, long tillSeq) =>
        Eventually.UntilAsync(() => PeersAsync(till), s => s.Held.Any(h => h.TillId == originTillId && h.TillSeq >= tillSeq),
            Patience.Exchanges, $"till holds till {originTillId}'s entry {tillSeq}", till);

    public static async Task<SnapshotProduct> ProductAsync(TillProcess till, string sku)
    {
        using var http = new HttpClient { BaseAddress = till.Api.BaseAddress, Timeout = Patience.Request };
        return (await http.GetFromJsonAsync($"/api/products/{sku}", TillJsonContext.Default.SnapshotProduct))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(started))
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>A loopback port free at this moment, for a till's peer listener.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
