using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Tills;
using TillSync.Core.Ids;
using TillSync.Till.Catalog;
using TillSync.Till.Loyalty;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Parking;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Sync;
using TillSync.Till.Updates;

namespace TillSync.Simulation.Nodes;

/// <summary>One till in the simulation: the real store, snapshot, staff login, shift register and recorder, sale and return
/// recorders, outbox, HQ client and sync agent over a real SQLite file, wired as <c>TillApplication</c> wires them but
/// without the web host and without the agent's background loop — the simulation calls <see cref="SyncAgent.RunOnceAsync"/>
/// itself, on the simulated clock. A crash drops every in-memory object (the logged-in cashier with them); a restart
/// reopens the file and resumes the open shift from it. <paramref name="bug"/> plants a test-only bug in <c>till.db</c>.
/// With a <paramref name="lan"/>, the till joins the store LAN at each start (its peer parts, and its relay under the agent).</summary>
public sealed class TillNode(
    int number, TillEnrolmentResult enrolment, string dataDirectory, FakeTimeProvider clock, TimeSpan syncBackoffMax, TillBug bug = TillBug.None,
    Lan.StoreLan? lan = null)
    : IAsyncDisposable
{
    private SyncAgent? _agent;
    private SaleRecorder? _recorder;
    private ReturnRecorder? _returns;
    private OriginalSales? _originals;
    private DocumentWriter? _writer;
    private CashierSession? _cashiers;
    private StaffLogin? _login;
    private ShiftRegister? _shifts;
    private ShiftRecorder? _shiftRecorder;
    private DocumentOutbox? _outbox;
    private ReceiptKey? _key;
    private SnapshotStore? _snapshots;
    private SyncSignal? _signal;
    private HttpClient? _http;
    private LoyaltyRelay? _loyalty;
    private LoyaltyBalances? _balances;
    private TillDatabase? _database;

    /// <summary>The till's number in the simulation, from 1.</summary>
    public int Number => number;

    /// <summary>HQ's id of the till.</summary>
    public long TillId => enrolment.TillId;

    /// <summary>The till's token at HQ.</summary>
    internal string Token => enrolment.Token;

    /// <summary>The directory of <c>till.db</c>.</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>True while the till runs.</summary>
    public bool IsUp => _agent is not null;

    /// <summary>Bumped at every (re)scheduling of the agent: a step scheduled under an older generation is stale.</summary>
    public long StepGeneration { get; set; }

    /// <summary>When the agent's next step is due.</summary>
    public DateTimeOffset NextStepAt { get; set; }

    /// <summary>Set by the network when the till dies after HQ answered and before it read the answer.</summary>
    public bool CrashRequested { get; set; }

    /// <summary>The catalogue the till sells from.</summary>
    public TillSnapshot? Snapshot => _snapshots?.Current;

    /// <summary>Opens the till's file and builds its components; <paramref name="random"/> seeds its ids and backoff.</summary>
    public async Task StartAsync(HttpMessageHandler link, Random random, CancellationToken cancellationToken)
    {
        var database = _database = new TillDatabase(dataDirectory);
        await database.EnsureSchemaAsync(cancellationToken);
        await TillBugs.PlantAsync(database, bug, cancellationToken);
        _snapshots = new SnapshotStore(database);
        await _snapshots.LoadAsync(cancellationToken);
        _signal = new SyncSignal();
        _outbox = new DocumentOutbox(database);
        var keySeed = random.Next();
        _key = ReceiptKey.LoadOrCreate(dataDirectory, () => SeededKey(keySeed));
        _writer = new DocumentWriter(database, _key);
        var ids = new UuidV7Generator(clock, new Random(random.Next()));
        // Wired as TillApplication wires them: the till's idle lock logs a cashier out between customers far apart, and
        // a restart logs everyone out; the shift open before a crash is read back from till.db.
        var cashiers = _cashiers = new CashierSession(clock, CashierSession.IdleLockDefault);
        _login = new StaffLogin(database, _snapshots, cashiers, clock, NullLogger<StaffLogin>.Instance);
        _shifts = new ShiftRegister(database);
        await _shifts.LoadAsync(cancellationToken);
        _shiftRecorder = new ShiftRecorder(_writer, _shifts, cashiers, _snapshots, database, ids, clock, _signal,
            new ParkedCarts(database, cashiers, _snapshots, clock));
        // One set of last-known balances, as TillApplication shares one: what the cashier is shown for a burn is what the
        // recorder checks it against.
        _balances = new LoyaltyBalances(_snapshots, database);
        _recorder = new SaleRecorder(_writer, _snapshots, cashiers, ids, clock, _signal, _key, _balances, _shifts);
        _http = new HttpClient(lan?.Tap(number, link) ?? link, disposeHandler: true);
        HqClient.Configure(_http, new Uri($"http://{HqNode.HostName}/"), enrolment.Token);
        var linkState = new LinkState();
        var hqClient = new HqClient(_http);
        _loyalty = new LoyaltyRelay(hqClient, linkState);
        // Wired as TillApplication wires the return endpoints: the same finder and recorder behind POST /api/returns.
        _originals = new OriginalSales(database, _snapshots, _key, hqClient, linkState);
        _returns = new ReturnRecorder(_writer, _snapshots, cashiers, _originals, _recorder, ids, clock, _signal);
        var backoff = new Backoff(syncBackoffMax, new Random(random.Next()));
        var relay = lan?.Join(number, database, _snapshots, _key, _signal, syncBackoffMax);
        _agent = new SyncAgent(hqClient, _outbox, _snapshots, new HqUpdates(database, clock), linkState, _signal,
            backoff, _key, new Till.Metrics.TillMetrics(_outbox, linkState, clock), clock,
            NullLogger<SyncAgent>.Instance, new Till.Chain.TillChain(database), relay);
        CrashRequested = false;
    }

    // A P-256 key whose private scalar comes from the seed (its top bit clear, so it is below the curve's order): the
    // till's key registration and receipt codes are then the same bytes on every replay of a seed.
    private static ECDsa SeededKey(int seed)
    {
        var scalar = new byte[32];
        new Random(seed).NextBytes(scalar);
        scalar[0] &= 0x7F;
        scalar[31] |= 0x01;
        return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
    }

    /// <summary>One step of the sync agent; returns how long the agent would wait before the next.</summary>
    public Task<TimeSpan> StepAsync(CancellationToken cancellationToken) => Agent.RunOnceAsync(cancellationToken);

    /// <summary>The shift open on the till (<c>GET /api/shift</c>), or null.</summary>
    public OpenShift? OpenShift => Shifts.View().Shift;

    /// <summary>The logged-in cashier as the page's status poll sees them, or null (nobody, or locked after idling).</summary>
    public Cashier? Cashier => (_cashiers ?? throw new InvalidOperationException($"till {number} is down")).Current();

    /// <summary>Logs a staff member in by PIN (<c>POST /api/session</c>).</summary>
    public Task<LoginResult> LogInAsync(long staffId, string pin, CancellationToken cancellationToken) =>
        (_login ?? throw new InvalidOperationException($"till {number} is down")).LogInAsync(staffId, pin, cancellationToken);

    /// <summary>Opens a shift (<c>POST /api/shift/open</c>).</summary>
    public Task<(ShiftState? View, ShiftProblem? Problem)> OpenShiftAsync(OpenShiftRequest request, CancellationToken cancellationToken) =>
        Shifts.OpenAsync(request, cancellationToken);

    /// <summary>Records cash into or out of the drawer (<c>POST /api/shift/cash</c>).</summary>
    public Task<(CashMovementView? Movement, ShiftProblem? Problem)> MoveCashAsync(CashMovementRequest request, CancellationToken cancellationToken) =>
        Shifts.MoveCashAsync(request, cancellationToken);

    /// <summary>Closes the shift with a blind count (<c>POST /api/shift/close</c>); the answer is its Z report.</summary>
    public Task<(ShiftReport? Report, ShiftProblem? Problem)> CloseShiftAsync(CloseShiftRequest request, CancellationToken cancellationToken) =>
        Shifts.CloseAsync(request, cancellationToken);

    /// <summary>Rings up a sale.</summary>
    public Task<(Receipt? Receipt, string? Problem)> SellAsync(SaleRequest sale, CancellationToken cancellationToken) =>
        (_recorder ?? throw new InvalidOperationException($"till {number} is down")).RecordAsync(sale, cancellationToken);

    /// <summary>Finds the sale goods come back from, as the return dialog does (<c>POST /api/returns/lookup</c>).</summary>
    public Task<(OriginalSale? Sale, string? Problem)> FindOriginalAsync(OriginalReference reference, CancellationToken cancellationToken) =>
        Originals.FindAsync(reference, cancellationToken);

    /// <summary>Prices a return without recording it (<c>POST /api/returns/quote</c>).</summary>
    public Task<(ReturnQuote? Quote, string? Problem)> QuoteReturnAsync(ReturnRequest request, CancellationToken cancellationToken) =>
        Returns.QuoteAsync(request, cancellationToken);

    /// <summary>Records a return (<c>POST /api/returns</c>).</summary>
    public Task<(CreditNote? CreditNote, string? Problem)> ReturnAsync(ReturnRequest request, CancellationToken cancellationToken) =>
        Returns.RecordAsync(request, cancellationToken);

    /// <summary>Records an exchange (<c>POST /api/exchanges</c>).</summary>
    public Task<(ExchangeOutcome? Outcome, string? Problem)> ExchangeAsync(ExchangeRequest request, CancellationToken cancellationToken) =>
        Returns.ExchangeAsync(request, cancellationToken);

    /// <summary>The customer's balance as HQ holds it now, as the page looks it up when a phone is typed
    /// (<c>GET /api/loyalty/{phone}</c>); null while the till is offline or HQ does not answer (the page then shows the
    /// last-known balance).</summary>
    public Task<LoyaltyBalance?> LoyaltyBalanceAsync(string phone, CancellationToken cancellationToken) =>
        Loyalty.BalanceAsync(phone, cancellationToken);

    /// <summary>The points an offline burn for <paramref name="phone"/> is checked against on this till now
    /// (<see cref="LoyaltyBalances.ForBurnAsync"/>: the last-known balance less the burns since that it does not count), or
    /// null when the till knows no balance: what the cashier page offers to redeem.</summary>
    public Task<long?> LoyaltyBalanceForBurnAsync(string phone, CancellationToken cancellationToken) =>
        (_balances ?? throw new InvalidOperationException($"till {number} is down")).ForBurnAsync(phone, cancellationToken);

    /// <summary>Asks HQ to send the customer a one-time code (<c>POST /api/loyalty/codes</c>): HQ's status and body, or
    /// 503 when HQ did not answer, as the till's page answers.</summary>
    public async Task<(int Status, string Body)> RequestLoyaltyCodeAsync(LoyaltyCodeRequest request, CancellationToken cancellationToken) =>
        AsPageAnswers(await Loyalty.RequestCodeAsync(request, cancellationToken));

    /// <summary>Checks the code the customer read out (<c>POST /api/loyalty/redemptions</c>), answered as the page does.</summary>
    public async Task<(int Status, string Body)> RedeemLoyaltyCodeAsync(RedemptionRequest request, CancellationToken cancellationToken) =>
        AsPageAnswers(await Loyalty.RedeemCodeAsync(request, cancellationToken));

    private LoyaltyRelay Loyalty => _loyalty ?? throw new InvalidOperationException($"till {number} is down");

    private static (int Status, string Body) AsPageAnswers(RelayAnswer answer) =>
        (answer.Status ?? StatusCodes.Status503ServiceUnavailable, answer.Body);

    /// <summary>The queue's depth: documents pending or in conflict.</summary>
    public async Task<int> QueueDepthAsync(CancellationToken cancellationToken) =>
        (await (_outbox ?? throw new InvalidOperationException($"till {number} is down")).StateAsync(cancellationToken)).QueueDepth;

    /// <summary>Kills the till: everything in memory goes; what SQLite committed stays.</summary>
    public async Task CrashAsync()
    {
        lan?.Leave(number);
        if (_writer is not null)
        {
            await _writer.DisposeAsync(); // its kept connection, closed as the process's death would close it
        }

        _agent?.Dispose();
        _http?.Dispose();
        _signal?.Dispose();
        _key?.Dispose();
        (_agent, _recorder, _writer, _outbox, _snapshots, _signal, _http, _key) = (null, null, null, null, null, null, null, null);
        (_returns, _originals, _cashiers, _login, _shifts, _shiftRecorder) = (null, null, null, null, null, null);
        (_loyalty, _balances) = (null, null);
        _database?.ClearPool();
        _database = null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(CrashAsync());

    private SyncAgent Agent => _agent ?? throw new InvalidOperationException($"till {number} is down");

    private ReturnRecorder Returns => _returns ?? throw new InvalidOperationException($"till {number} is down");

    private ShiftRecorder Shifts => _shiftRecorder ?? throw new InvalidOperationException($"till {number} is down");

    private OriginalSales Originals => _originals ?? throw new InvalidOperationException($"till {number} is down");
}
