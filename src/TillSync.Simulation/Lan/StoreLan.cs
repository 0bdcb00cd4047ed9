using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using TillSync.Till.Catalog;
using TillSync.Till.Peers;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;
using TillSync.Till.Sync;

namespace TillSync.Simulation.Lan;

/// <summary>The store LAN in the simulation, apart from the WAN (<see cref="Network.SimulatedNetwork"/>): the tills of the
/// store copy each other's signed logs through the real exchange, acceptance checks and peer endpoints, and a till whose
/// WAN link is up relays the others' documents to HQ through the real relay. The exchange runs no loop: a document at one
/// till asks every other till for a round <see cref="HintLatency"/> later (the <c>mine</c> hint), as does a till's start,
/// a healed partition and HQ's answer to a relay; each round is an event on the simulated clock. What it draws — its
/// faults (<see cref="LanFaults"/>), the fates of relay requests on the WAN and the relay's backoff — comes from streams of
/// its own, so that the shop's stream of a seed is drawn as before. ADR 0022.</summary>
public sealed class StoreLan
{
    /// <summary>How long after a document the other tills run their round: a LAN answers in milliseconds.</summary>
    public static readonly TimeSpan HintLatency = TimeSpan.FromMilliseconds(200);

    // Sets the LAN's streams apart from the shop's, the portal's and the loyalty desk's for the same seed.
    private const int LanStreamSalt = 0x1A7E;

    private readonly LanScenario _scenario;
    private readonly FakeTimeProvider _clock;
    private readonly Trace _trace;
    private readonly Random _backoffRandom;
    private readonly SortedDictionary<int, TillPeers> _joined = [];
    private readonly Dictionary<int, DateTimeOffset> _roundDue = [];
    private readonly Dictionary<int, DateTimeOffset> _partitionedUntil = [];
    private readonly Dictionary<string, int> _counts = [];
    private int _tillCount;
    private int _inRound;
    private bool _healed;
    private Timeline? _queue;
    private Action<int>? _wakeAgent;

    /// <summary>A LAN for the run of <paramref name="seed"/>.</summary>
    public StoreLan(LanScenario scenario, int seed, FakeTimeProvider clock, Trace trace)
    {
        _scenario = scenario;
        _clock = clock;
        _trace = trace;
        var streams = new Random(unchecked((seed * 397) ^ LanStreamSalt));
        FaultRandom = new Random(streams.Next());
        RelayFates = new Random(streams.Next());
        _backoffRandom = new Random(streams.Next());
        RequestFaults = new PeerRequestFaults(this, new Random(streams.Next()), clock, trace);
    }

    /// <summary>True when the tills share their logs and relay.</summary>
    public bool Sharing => _scenario is LanScenario.Faults or LanScenario.WanOnlySharing;

    /// <summary>True when the cashier sells no more than the till's stock view shows (the comparison's runs).</summary>
    public bool CashierHoldsToStock => _scenario is LanScenario.WanOnlySharing or LanScenario.WanOnlyNoSharing;

    /// <summary>True when the LAN itself fails (partitions), not only the WAN.</summary>
    public bool LanFails => _scenario == LanScenario.Faults;

    /// <summary>The stream of the LAN's faults.</summary>
    internal Random FaultRandom { get; }

    /// <summary>The faults of single peer requests (<see cref="PeerLine"/>).</summary>
    internal PeerRequestFaults RequestFaults { get; }

    /// <summary>The stream of the WAN fates of relay requests (<see cref="Network.SimulatedNetwork.RelayDraws"/>).</summary>
    public Random RelayFates { get; }

    /// <summary>Every document HQ answered to a relay request, in answer order.</summary>
    public List<RelayedDocument> Relayed { get; } = [];

    /// <summary>What the LAN did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Starts the LAN's part of the run: <paramref name="wakeAgent"/> lets a till's sync agent step now (the exchange
    /// woke it: new copies to relay).</summary>
    public void Open(Timeline queue, int tillCount, Action<int> wakeAgent)
    {
        (_queue, _tillCount, _wakeAgent) = (queue, tillCount, wakeAgent);
    }

    /// <summary>Wraps a till's WAN link so that its relay answers are seen (<see cref="RelayTap"/>).</summary>
    public HttpMessageHandler Tap(int tillNumber, HttpMessageHandler link) => Sharing ? new RelayTap(this, tillNumber, link) : link;

    /// <summary>A till has started over its file: its LAN parts are built; returns its relay for its sync agent, or null
    /// without sharing.</summary>
    public PeerRelay? Join(int number, TillDatabase database, SnapshotStore snapshots, ReceiptKey key, SyncSignal signal, TimeSpan relayBackoffMax)
    {
        var peers = Enumerable.Range(1, _tillCount).Where(n => n != number).Select(PeerLine.AddressOf).ToList();
        var backoff = Sharing ? new Backoff(relayBackoffMax, new Random(_backoffRandom.Next())) : null;
        var parts = TillPeers.Build(number, database, snapshots, key, signal, _clock, peers, new LanClients(new PeerLine(this, number)), backoff);
        _joined[number] = parts;
        if (Sharing)
        {
            signal.Woken += () => Woken(number);
            // The till pulls what it missed while down, and the others pull what it made before it went down and they
            // could not reach it.
            RoundEverywhere();
        }

        return parts.Relay;
    }

    /// <summary>The store has traded before: every till has registered its key with HQ and holds a snapshot that names
    /// every till's key, as a till that has run for a while does. Without this the tills of a run, all started at the
    /// same moment, would know only the keys registered before their own first snapshot, and refuse each other until
    /// their next snapshot: a first day's start-up, which an outage in its first minutes would stretch over the whole
    /// outage. Done over HQ's endpoints directly, not the simulated WAN, so that it draws no fate.</summary>
    public async Task IntroduceAsync(HqNode hq, IReadOnlyList<TillNode> tills, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hq);
        ArgumentNullException.ThrowIfNull(tills);
        var clients = new List<(TillPeers Parts, HqClient Client, HttpClient Http)>();
        try
        {
            foreach (var parts in _joined.Values)
            {
                var http = new HttpClient(new HqDirect(hq), disposeHandler: true);
                HqClient.Configure(http, new Uri($"http://{HqNode.HostName}/"), tills[parts.Number - 1].Token);
                var client = new HqClient(http);
                clients.Add((parts, client, http));
                await client.RegisterKeyAsync(new Contracts.Tills.TillKeyRegistration(Core.Receipts.ReceiptCode.Algorithm, parts.Key.PublicKey), cancellationToken);
            }

            foreach (var (parts, client, _) in clients)
            {
                await parts.Snapshots.SaveAsync(await client.SnapshotAsync(cancellationToken), cancellationToken);
            }
        }
        finally
        {
            foreach (var (_, _, http) in clients)
            {
                http.Dispose();
            }
        }

        _trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"lan: {clients.Count} tills know each other's keys"));
    }

    /// <summary>A till has crashed: its LAN parts go with it.</summary>
    public void Leave(int number)
    {
        if (_joined.Remove(number, out var parts))
        {
            parts.Dispose();
        }

        _roundDue.Remove(number);
    }

    /// <summary><paramref name="sale"/> as the comparison's cashier sells it at <paramref name="till"/>
    /// (<see cref="StockMindedCashier"/>): cut to the till's stock view, or null when nothing of it is in stock.</summary>
    public async Task<Till.Sales.SaleRequest?> WithinKnownStockAsync(TillNode till, Till.Sales.SaleRequest sale)
    {
        ArgumentNullException.ThrowIfNull(till);
        var stock = _joined.GetValueOrDefault(till.Number)?.Stock ?? throw new InvalidOperationException($"till {till.Number} is down");
        var held = await StockMindedCashier.WithinKnownStockAsync(stock, till.Snapshot!, sale, CancellationToken.None);
        if (held != sale)
        {
            Count(held is null ? "cashier: customers sent away (none in stock as the till knows it)" : "cashier: carts cut to the till's stock view");
        }

        return held;
    }

    /// <summary>The services of till <paramref name="to"/>'s peer endpoints for a request from <paramref name="from"/>; throws as
    /// a LAN that cannot carry it does.</summary>
    internal IServiceProvider Reach(int from, int to)
    {
        if (IsPartitioned(from) || IsPartitioned(to))
        {
            Count("peer requests that met a LAN partition");
            throw new HttpRequestException("simulated: no route on the store LAN (partition)");
        }

        if (_joined.GetValueOrDefault(to)?.Services is not { } services)
        {
            Count("peer requests to a till that was down");
            throw new HttpRequestException("simulated: connection refused (the peer till is down)");
        }

        Count("peer requests answered");
        return services;
    }

    /// <summary>True while <paramref name="number"/> is cut off from its peers.</summary>
    public bool IsPartitioned(int number) => !_healed && _partitionedUntil.GetValueOrDefault(number) > Now;

    /// <summary>Cuts <paramref name="number"/> off from its peers for <paramref name="duration"/>; when it heals, every till
    /// runs a round.</summary>
    internal void Partition(int number, TimeSpan duration)
    {
        var until = Now + duration;
        _partitionedUntil[number] = _partitionedUntil.GetValueOrDefault(number) > until ? _partitionedUntil[number] : until;
        _trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"lan: till {number} partitioned for {duration.TotalMinutes:0.0} min"));
        _queue!.Schedule(until, SimEventKind.Fault, () =>
        {
            _trace.Add(Now, $"lan: till {number} {(IsPartitioned(number) ? "still partitioned" : "rejoins the LAN")}");
            RoundEverywhere();
            return Task.CompletedTask;
        });
    }

    /// <summary>The drain: every partition heals.</summary>
    public void Heal() => _healed = true;

    /// <summary>True once the drain has begun: no partition, no fault of a single peer request.</summary>
    internal bool Healed => _healed;

    /// <summary>A request of till <paramref name="number"/> met a fault of its own: the till asks again at its poll interval,
    /// as the till's exchange loop would.</summary>
    internal void PeerRequestFailed(int number) => ScheduleRound(number, Now + PeerOptions.PollIntervalDefault);

    /// <summary>After the drain: each till runs one round, so that every till holds every other till's whole log.</summary>
    public async Task SettleAsync()
    {
        foreach (var number in _joined.Keys.ToList())
        {
            await RoundAsync(number);
        }
    }

    /// <summary>HQ answered a relay request of <paramref name="tillNumber"/>: the origins run a round to read the statements.</summary>
    internal void RelayAnswered(int tillNumber, int documents)
    {
        Count("relay requests answered");
        _trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"lan: till {tillNumber} relayed {documents} documents"));
        foreach (var number in _joined.Keys.Where(n => n != tillNumber))
        {
            ScheduleRound(number, Now + HintLatency);
        }
    }

    /// <summary>Every running till runs a round soon.</summary>
    internal void RoundEverywhere()
    {
        foreach (var number in _joined.Keys)
        {
            ScheduleRound(number, Now + HintLatency);
        }
    }

    internal void Count(string what, int by = 1) => _counts[what] = _counts.GetValueOrDefault(what) + by;

    internal IReadOnlyCollection<TillPeers> Joined => _joined.Values;

    private DateTimeOffset Now => _clock.GetUtcNow();

    // A document of its own (a sale, a return, a shift's) tells the peers; new copies stored by its own round wake its agent.
    private void Woken(int number)
    {
        if (_inRound == number)
        {
            _wakeAgent?.Invoke(number);
            return;
        }

        foreach (var other in _joined.Keys.Where(n => n != number))
        {
            ScheduleRound(other, Now + HintLatency);
        }
    }

    private void ScheduleRound(int number, DateTimeOffset at)
    {
        if (_queue is null || (_roundDue.TryGetValue(number, out var due) && due <= at))
        {
            return;
        }

        _roundDue[number] = at;
        _queue.Schedule(at, SimEventKind.LanRound, async () =>
        {
            if (_roundDue.TryGetValue(number, out var current) && current == at)
            {
                await RoundAsync(number);
            }
        });
    }

    private async Task RoundAsync(int number)
    {
        _roundDue.Remove(number);
        if (_joined.GetValueOrDefault(number) is not { Exchange: { } exchange } parts || IsPartitioned(number))
        {
            return;
        }

        var before = parts.CopiesStored();
        _inRound = number;
        try
        {
            await exchange.RoundAsync(CancellationToken.None);
        }
        finally
        {
            _inRound = 0;
        }

        var stored = checked((int)(parts.CopiesStored() - before));
        Count("exchange rounds");
        Count("copies stored", stored);
        _trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"lan: till {number} round, {stored} copies stored"));
    }
}
