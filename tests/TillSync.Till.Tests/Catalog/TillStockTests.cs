// Proves the stock a cashier sees (issues 21 and 25): the snapshot's on-hand less the sales, plus the restocked returns,
// that the snapshot does not hold yet — this till's own from the snapshot's nextSeq on, its copies of the other tills'
// from each one's head on — and a warning, never a refusal, for a bill that takes more than that. LocalTill: a real till.db and the real recorders, an HQ that never answers.
using TillSync.Contracts.Sync;
using TillSync.Till.Catalog;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Catalog;

public sealed class TillStockTests
{
    private const string Sku = "RICE-5KG";

    [Fact]
    public async Task OwnSalesSinceTheSnapshot_ComeOffItsOnHand_ThoseItAlreadyHoldsDoNot()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 60), CancellationToken.None);
        var stock = new TillStock(till.Database, till.Snapshots);
        await till.SellAsync(Sale(4));
        await till.SellAsync(Sale(6));

        var beforeRefresh = await stock.KnownSinceSnapshotAsync(CancellationToken.None);
        var product = TillStock.AsKnown((await till.Snapshots.FindAsync(Sku, CancellationToken.None))!, beforeRefresh);
        // HQ took both sales and sent a snapshot with on-hand 50 and nextSeq 3: nothing of this till's is missing from it.
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(3, till.Time.GetUtcNow(), onHand: 50), CancellationToken.None);
        var afterRefresh = await stock.KnownSinceSnapshotAsync(CancellationToken.None);
        await till.SellAsync(Sale(5));
        var afterOneMore = await stock.KnownSinceSnapshotAsync(CancellationToken.None);

        Assert.Equal(-10m, beforeRefresh[Sku]);
        Assert.Equal(50m, product.OnHand);
        Assert.False(afterRefresh.ContainsKey(Sku));
        Assert.Equal(-5m, afterOneMore[Sku]);
    }

    [Fact]
    public async Task PeersSalesFromTheirHeadOn_ComeOffTheOnHand_ThoseHqCountedDoNot()
    {
        await using var seller = await LocalTill.CreateAsync();
        await using var reader = await LocalTill.CreateAsync(nextSeq: null);
        await seller.SellAsync(Sale(4));
        await seller.SellAsync(Sale(6));
        await reader.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, sellerHead: 1), CancellationToken.None);
        var stock = new TillStock(reader.Database, reader.Snapshots);
        await PeerCopying.CopyAsync(seller, reader);
        await reader.SellAsync(Sale(1));

        var bothUncounted = await stock.KnownSinceSnapshotAsync(CancellationToken.None);
        // HQ committed the seller's first sale: its head moved past it, and the on-hand (not changed here) holds it.
        await reader.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, sellerHead: 2), CancellationToken.None);
        var firstCounted = await stock.KnownSinceSnapshotAsync(CancellationToken.None);
        // A snapshot from an HQ before the store LAN says nothing of the other tills: their copies do not count.
        await reader.Snapshots.SaveAsync(PeerCopying.ReaderSnapshot(seller, sellerHead: 1) with { TillHeads = null }, CancellationToken.None);
        var noHeads = await stock.KnownSinceSnapshotAsync(CancellationToken.None);

        Assert.Equal(-11m, bothUncounted[Sku]);
        Assert.Equal(-7m, firstCounted[Sku]);
        Assert.Equal(-1m, noHeads[Sku]);
    }

    [Fact]
    public void Warnings_OnlyForSkusTheBillTakesMoreOfThanIsKnownInStock()
    {
        var warnings = TillStock.Warnings(
            [(Sku, "Rice", "PCS", 999m), ("SOAP-125G", "Soap", "PCS", 2m), (Sku, "Rice", "PCS", 1m)],
            new Dictionary<string, decimal> { [Sku] = 60m, ["SOAP-125G"] = 2m });

        Assert.Equal([new StockWarning(Sku, "Rice", "PCS", 1_000m, 60m)], warnings);
    }

    private static SaleRequest Sale(decimal qty) => new([new CartLine(Sku, qty)], [new Tender(PaymentMethods.Cash, 10_000_000)]);
}
