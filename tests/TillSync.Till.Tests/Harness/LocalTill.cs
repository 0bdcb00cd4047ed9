// A till's storage without its web host: a real SQLite file in a temp dir, the snapshot store, the outbox, the sale and
// return recorders wired as TillApplication wires them, with a fake clock and an HQ that is never reachable (the link
// stays offline), for tests of one component at a time.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Tills;
using TillSync.Core.Ids;
using TillSync.Testing;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Sync;

namespace TillSync.Till.Tests.Harness;

/// <summary>The till's database and the components over it. Dispose deletes the file.</summary>
public sealed class LocalTill : IAsyncDisposable
{
    /// <summary>The bill prefix of the snapshot.</summary>
    public const string BillPrefix = "T07";

    private LocalTill(string dataDir, FakeTimeProvider time)
    {
        DataDir = dataDir;
        Time = time;
        Database = new TillDatabase(dataDir);
        Snapshots = new SnapshotStore(Database);
        Outbox = new DocumentOutbox(Database);
        Sales = new SaleReceipts(Database);
        Key = ReceiptKey.LoadOrCreate(dataDir);
        Writer = new DocumentWriter(Database, Key);
        var ids = new UuidV7Generator(time, new Random(1));
        // The one helper that logs in a seeded cashier for in-process tests; tests of login itself use their own session.
        Cashiers = new CashierSession(time, TimeSpan.MaxValue);
        Cashiers.Begin(Cashier);
        Recorder = new SaleRecorder(Writer, Snapshots, Cashiers, ids, time, Signal, Key);
        HqHttp.BaseAddress = new Uri("http://127.0.0.1:9/"); // the discard port: nothing answers
        Originals = new OriginalSales(Database, Snapshots, Key, new HqClient(HqHttp), new LinkState());
        Returns = new ReturnRecorder(Writer, Snapshots, Cashiers, Originals, Recorder, ids, time, Signal);
        CreditNotes = new CreditNotes(Database);
    }

    /// <summary>The cashier logged in from the start: every document these tests record names them.</summary>
    public static readonly Cashier Cashier = new(41, "Test cashier", TillSync.Contracts.Staff.StaffRoles.Cashier);

    /// <summary>Who is logged in.</summary>
    public CashierSession Cashiers { get; }

    /// <summary>Holds till.db.</summary>
    public string DataDir { get; }

    /// <summary>The till's clock.</summary>
    public FakeTimeProvider Time { get; }

    public TillDatabase Database { get; }

    public SnapshotStore Snapshots { get; }

    public DocumentOutbox Outbox { get; }

    public SaleReceipts Sales { get; }

    public DocumentWriter Writer { get; }

    public ReceiptKey Key { get; }

    public SaleRecorder Recorder { get; }

    public OriginalSales Originals { get; }

    public ReturnRecorder Returns { get; }

    public CreditNotes CreditNotes { get; }

    private HttpClient HqHttp { get; } = new();

    public SyncSignal Signal { get; } = new();

    /// <summary>A new database with its schema; with a snapshot whose <c>nextSeq</c> is <paramref name="nextSeq"/>
    /// unless null.</summary>
    public static async Task<LocalTill> CreateAsync(long? nextSeq = 1, DateTimeOffset? now = null)
    {
        var till = await OpenAsync(TempDirectory.Create("till-local"), new FakeTimeProvider(now ?? DateTimeOffset.UtcNow));
        if (nextSeq is { } next)
        {
            await till.Snapshots.SaveAsync(Snapshot(next, till.Time.GetUtcNow()), CancellationToken.None);
        }

        return till;
    }

    /// <summary>The till in <paramref name="dataDir"/>, its schema brought up to date and its stored snapshot loaded, as a
    /// till starts; dispose deletes the directory.</summary>
    public static async Task<LocalTill> OpenAsync(string dataDir, FakeTimeProvider time)
    {
        var till = new LocalTill(dataDir, time);
        await till.Database.EnsureSchemaAsync(CancellationToken.None);
        await till.Snapshots.LoadAsync(CancellationToken.None);
        return till;
    }

    /// <summary>A snapshot of HqScenario's shop as HQ would send it.</summary>
    public static TillSnapshot Snapshot(
        long nextSeq, DateTimeOffset takenAt, decimal onHand = HqScenario.OpeningStock, IReadOnlyList<TillPublicKey>? tillKeys = null,
        SnapshotLoyalty? loyalty = null) =>
        new(7, "Counter 7", BillPrefix, nextSeq, new StoreView(1, true, HqScenario.Store),
            [.. HqScenario.Products.Select(p => new SnapshotProduct(p.Sku, p.Name, p.Hsn, p.Unit, p.GstRateBp, p.PricePaise, p.Barcode, onHand, p.MrpPaise, p.TaxInclusive == true))],
            takenAt, loyalty, tillKeys);

    /// <summary>Records a sale that must succeed, a second later on the till's clock than the last.</summary>
    public async Task<Receipt> SellAsync(SaleRequest sale)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        var (receipt, problem) = await Recorder.RecordAsync(sale, CancellationToken.None);
        Assert.True(receipt is not null, problem);
        return receipt;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Key.Dispose();
        HqHttp.Dispose();
        Signal.Dispose();
        Database.ClearPool();
        await TempDirectory.DeleteAsync(DataDir);
    }
}
