// Proves the till applies HQ's snapshot changes (docs/sync.md, "The catalogue by delta") in one transaction: the price it
// sells at, the stock the cashier sees and the snapshot kept on disk all move together, and a failure part way, or changes
// from another version, leave the version held whole. LocalTill: a real till.db and the real recorders.
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Testing;
using TillSync.Till.Catalog;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Catalog;

public sealed class SnapshotChangesApplyTests
{
    private const string Rice = "RICE-5KG";
    private const string Soap = "SOAP-125G";

    [Fact]
    public async Task Apply_PriceAndStockChanges_SellAtTheNewPriceAndShowStockAsHqSawIt()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        var held = LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 60) with { Version = "v1" };
        await till.Snapshots.SaveAsync(held, CancellationToken.None);
        var stock = new TillStock(till.Database, till.Snapshots);
        await till.SellAsync(Sale(Rice, 4));
        await till.SellAsync(Sale(Soap, 1));
        var rice = held.Products.Single(p => p.Sku == Rice);

        // HQ took the rice sale (nextSeq 2) and moved the price; the soap sale has not reached it.
        var changes = Changes(held, "v2", nextSeq: 2, [rice with { PricePaise = 33_000, OnHand = 56 }], []);
        Assert.True(await till.Snapshots.ApplyAsync(changes, CancellationToken.None));
        var own = await stock.KnownSinceSnapshotAsync(CancellationToken.None);
        var receipt = await till.SellAsync(Sale(Rice, 1));

        Assert.Equal(33_000, Assert.Single(receipt.Lines).UnitPricePaise);
        Assert.Equal(56m, TillStock.AsKnown((await till.Snapshots.FindAsync(Rice, CancellationToken.None))!, own).OnHand);
        Assert.Equal(59m, TillStock.AsKnown((await till.Snapshots.FindAsync(Soap, CancellationToken.None))!, own).OnHand);
        Assert.Equal("v2", till.Snapshots.Current!.Version);
        await till.Snapshots.LoadAsync(CancellationToken.None);
        Assert.Equal(SnapshotCalls.Comparable(SnapshotMerge.Apply(held, changes)), SnapshotCalls.Comparable(till.Snapshots.Current!));
        Assert.Equal(33_000, till.Snapshots.Current!.Products.Single(p => p.Sku == Rice).PricePaise);
    }

    [Fact]
    public async Task Apply_StockOnly_MovesOnHandAndNothingElse()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        var held = LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 60) with { Version = "v1" };
        await till.Snapshots.SaveAsync(held, CancellationToken.None);

        Assert.True(await till.Snapshots.ApplyAsync(Changes(held, "v2", nextSeq: 1, [], [new SnapshotOnHand(Soap, 12.5m)]), CancellationToken.None));

        var soap = (await till.Snapshots.FindAsync(Soap, CancellationToken.None))!;
        Assert.Equal(held.Products.Single(p => p.Sku == Soap) with { OnHand = 12.5m }, soap);
        Assert.Equal(60m, (await till.Snapshots.FindAsync(Rice, CancellationToken.None))!.OnHand);
    }

    [Fact]
    public async Task Apply_FailsPartWay_LeavesTheVersionHeldWhole()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        var held = LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 60) with { Version = "v1" };
        await till.Snapshots.SaveAsync(held, CancellationToken.None);
        var rice = held.Products.Single(p => p.Sku == Rice);
        // The soap's row is written after the rice's and breaks a NOT NULL constraint: the write stops part way.
        var broken = Changes(held, "v2", nextSeq: 2, [rice with { PricePaise = 1 }, held.Products.Single(p => p.Sku == Soap) with { Name = null! }],
            [new SnapshotOnHand("MILK-500ML", 1)]);

        await Assert.ThrowsAnyAsync<Exception>(() => till.Snapshots.ApplyAsync(broken, CancellationToken.None));

        Assert.Equal("v1", till.Snapshots.Current!.Version);
        Assert.Equal(rice, await till.Snapshots.FindAsync(Rice, CancellationToken.None));
        Assert.Equal(60m, (await till.Snapshots.FindAsync("MILK-500ML", CancellationToken.None))!.OnHand);
        Assert.NotNull(await till.Snapshots.FindAsync(Soap, CancellationToken.None));
        await till.Snapshots.LoadAsync(CancellationToken.None);
        Assert.Equal("v1", till.Snapshots.Current!.Version);
    }

    [Fact]
    public async Task Apply_ChangesFromAnotherVersion_AreRefusedAndChangeNothing()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        var held = LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 60) with { Version = "v1" };
        await till.Snapshots.SaveAsync(held, CancellationToken.None);

        var applied = await till.Snapshots.ApplyAsync(
            Changes(held with { Version = "v0" }, "v2", nextSeq: 1, [], [new SnapshotOnHand(Rice, 1)]), CancellationToken.None);

        Assert.False(applied);
        Assert.Equal("v1", till.Snapshots.Current!.Version);
        Assert.Equal(60m, (await till.Snapshots.FindAsync(Rice, CancellationToken.None))!.OnHand);
    }

    private static SnapshotChanges Changes(
        TillSnapshot held, string version, long nextSeq, IReadOnlyList<SnapshotProduct> products, IReadOnlyList<SnapshotOnHand> onHand) =>
        new(held.Version!, version, nextSeq, held.TakenAt.AddMinutes(5), 2, 9, products, onHand, []);

    private static SaleRequest Sale(string sku, decimal qty) => new([new CartLine(sku, qty)], [new Tender(PaymentMethods.Cash, 10_000_000)]);
}
