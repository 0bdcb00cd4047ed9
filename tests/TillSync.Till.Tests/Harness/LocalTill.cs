// A till's storage without its web host: a real SQLite file in a temp dir, the snapshot store, the outbox and the sale
// recorder wired as TillApplication wires them, with a fake clock, for tests of one component at a time.
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Tills;
using TillSync.Core.Ids;
using TillSync.Testing;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
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
        Outbox = new SalesOutbox(Database);
        Recorder = new SaleRecorder(Database, Snapshots, new UuidV7Generator(time, new Random(1)), time, Signal);
    }

    /// <summary>Holds till.db.</summary>
    public string DataDir { get; }

    /// <summary>The till's clock.</summary>
    public FakeTimeProvider Time { get; }

    public TillDatabase Database { get; }

    public SnapshotStore Snapshots { get; }

    public SalesOutbox Outbox { get; }

    public SaleRecorder Recorder { get; }

    public SyncSignal Signal { get; } = new();

    /// <summary>A new database with its schema; with a snapshot whose <c>nextSeq</c> is <paramref name="nextSeq"/>
    /// unless null.</summary>
    public static async Task<LocalTill> CreateAsync(long? nextSeq = 1)
    {
        var till = new LocalTill(TempDirectory.Create("till-local"), new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Database.EnsureSchemaAsync(CancellationToken.None);
        if (nextSeq is { } next)
        {
            await till.Snapshots.SaveAsync(Snapshot(next, till.Time.GetUtcNow()), CancellationToken.None);
        }

        return till;
    }

    /// <summary>A snapshot of HqScenario's shop as HQ would send it.</summary>
    public static TillSnapshot Snapshot(long nextSeq, DateTimeOffset takenAt, decimal onHand = HqScenario.OpeningStock) =>
        new(7, "Counter 7", BillPrefix, nextSeq, new StoreView(1, true, HqScenario.Store),
            [.. HqScenario.Products.Select(p => new SnapshotProduct(p.Sku, p.Name, p.Hsn, p.Unit, p.GstRateBp, p.PricePaise, p.Barcode, onHand))],
            takenAt);

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
        await Recorder.DisposeAsync();
        Signal.Dispose();
        Database.ClearPool();
        await TempDirectory.DeleteAsync(DataDir);
    }
}
