using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Till.Catalog;
using TillSync.Till.Chain;
using TillSync.Till.Peers;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;

namespace TillSync.Simulation.Lan;

/// <summary>One running till's store LAN parts, built as <c>TillApplication</c> builds them over the till's own file and
/// snapshot: its copies, the exchange (never started as a background loop: <see cref="StoreLan"/> runs its rounds on the
/// simulated clock), the peer listener's authenticator and the relay, and the services the real peer endpoints read from
/// a request (<see cref="Services"/>). Without sharing only <see cref="Stock"/> is used.</summary>
internal sealed class TillPeers(
    int number, TillDatabase database, SnapshotStore snapshots, ReceiptKey key, PeerCopies copies, PeerStatus status, PeerExchange? exchange,
    PeerRelay? relay, IServiceProvider? services) : IDisposable
{
    /// <summary>The till's number in the simulation.</summary>
    public int Number => number;

    /// <summary>The till's file.</summary>
    public TillDatabase Database => database;

    /// <summary>The till's snapshot.</summary>
    public SnapshotStore Snapshots => snapshots;

    /// <summary>The till's receipt and chain key.</summary>
    public ReceiptKey Key => key;

    /// <summary>The till's copies of the other tills' logs.</summary>
    public PeerCopies Copies => copies;

    /// <summary>What the exchange saw.</summary>
    public PeerStatus Status => status;

    /// <summary>The anti-entropy exchange; null without sharing.</summary>
    public PeerExchange? Exchange => exchange;

    /// <summary>The relay's sending side; null without sharing.</summary>
    public PeerRelay? Relay => relay;

    /// <summary>What the real peer endpoints resolve from <c>HttpContext.RequestServices</c>; null without sharing.</summary>
    public IServiceProvider? Services => services;

    /// <summary>The till's stock view (the cashier's figure).</summary>
    public TillStock Stock { get; } = new(database, snapshots);

    /// <summary>Copies stored from every peer since the till started.</summary>
    public long CopiesStored() => status.View([]).Peers.Sum(p => p.CopiesStored);

    /// <summary>Builds the parts of a till that has just started.</summary>
    public static TillPeers Build(
        int number, TillDatabase database, SnapshotStore snapshots, ReceiptKey key, Till.Sync.SyncSignal signal, TimeProvider clock,
        IReadOnlyList<Uri> peers, IHttpClientFactory lanClients, Till.Sync.Backoff? relayBackoff)
    {
        var copies = new PeerCopies(database);
        var status = new PeerStatus(clock, NullLogger<PeerStatus>.Instance);
        if (relayBackoff is null)
        {
            return new TillPeers(number, database, snapshots, key, copies, status, null, null, null);
        }

        var relay = new PeerRelay(copies, relayBackoff, clock, NullLogger<PeerRelay>.Instance);
        var exchange = new PeerExchange(new PeerOptions(peers, new HashSet<int>(), PeerOptions.PollIntervalDefault), copies, status, snapshots, key,
            lanClients, signal, clock, new RelayedStatements(database, NullLogger<RelayedStatements>.Instance));
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(new PeerAuthenticator(snapshots, clock))
            .AddSingleton(snapshots)
            .AddSingleton(copies)
            .AddSingleton(exchange)
            .AddSingleton(relay)
            .BuildServiceProvider();
        return new TillPeers(number, database, snapshots, key, copies, status, exchange, relay, services);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        (services as IDisposable)?.Dispose();
        exchange?.Dispose();
    }
}
