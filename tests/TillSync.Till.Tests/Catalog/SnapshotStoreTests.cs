// Proves the catalogue snapshot is kept whole across restarts, searched by SKU, barcode or name (wildcards taken
// literally), found exactly by SKU or barcode, and raises the bill counter to HQ's nextSeq − 1 but never lowers it.
using TillSync.Testing;
using TillSync.Till.Catalog;
using TillSync.Till.Sales;
using TillSync.Till.Storage;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Catalog;

public sealed class SnapshotStoreTests
{
    [Fact]
    public async Task Load_AfterRestart_IsTheSavedSnapshot()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: 1);

        var reopened = new SnapshotStore(new TillDatabase(till.DataDir));
        Assert.Null(reopened.Current);
        await reopened.LoadAsync(CancellationToken.None);

        Assert.Equal(till.Snapshots.Current!.TakenAt, reopened.Current!.TakenAt);
        Assert.Equal(till.Snapshots.Current.Products, reopened.Current.Products);
        Assert.Equal(till.Snapshots.Current.Store, reopened.Current.Store);
    }

    [Theory]
    [InlineData("rice", new[] { "RICE-5KG" })]
    [InlineData("SUGAR", new[] { "SUGAR-LOOSE" })]
    [InlineData("8901262", new[] { "GHEE-1L", "MILK-500ML" })]
    [InlineData("  soap  ", new[] { "SOAP-125G" })]
    [InlineData("%", new string[0])]
    [InlineData("_", new string[0])]
    [InlineData("", new[] { "BISCUIT-800G", "COLA-750ML", "GHEE-1L", "GOLD-COIN-1G", "DIAMOND-ROUGH", "SOAP-125G", "RICE-5KG", "SUGAR-LOOSE", "MILK-500ML" })]
    public async Task Search_MatchesSkuBarcodeOrNameByName(string query, string[] expectedSkus)
    {
        await using var till = await LocalTill.CreateAsync();

        var found = await till.Snapshots.SearchAsync(query, 20, CancellationToken.None);

        Assert.Equal(expectedSkus, found.Select(p => p.Sku));
    }

    [Fact]
    public async Task Search_Limit_CapsTheResults()
    {
        await using var till = await LocalTill.CreateAsync();

        Assert.Equal(2, (await till.Snapshots.SearchAsync(null, 2, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Find_BySkuOrBarcode_IsExact()
    {
        await using var till = await LocalTill.CreateAsync();

        Assert.Equal("GHEE-1L", (await till.Snapshots.FindAsync("8901262030014", CancellationToken.None))!.Sku);
        Assert.Equal("GHEE-1L", (await till.Snapshots.FindAsync(" GHEE-1L ", CancellationToken.None))!.Sku);
        Assert.Null(await till.Snapshots.FindAsync("ghee-1l", CancellationToken.None));
        Assert.Null(await till.Snapshots.FindAsync("8901262", CancellationToken.None));
    }

    [Fact]
    public async Task FindAll_ACartsCodesInOneQuery_SkuWinsOverAnotherProductsBarcode()
    {
        await using var till = await LocalTill.CreateAsync();
        var snapshot = LocalTill.Snapshot(1, till.Time.GetUtcNow());
        // A badly kept catalogue: soap's barcode is ghee's SKU. A code that is a SKU must still find that SKU.
        await till.Snapshots.SaveAsync(snapshot with
        {
            Products = [.. snapshot.Products.Select(p => p.Sku == "SOAP-125G" ? p with { Barcode = "GHEE-1L" } : p)],
        }, CancellationToken.None);
        await using var connection = await till.Database.OpenAsync(CancellationToken.None);
        await using var lookup = new ProductLookup(connection);

        var found = await lookup.FindAllAsync(null, ["GHEE-1L", " RICE-5KG ", "8901262030014", "NO-SUCH-SKU", "8901262"], CancellationToken.None);
        // Compiled once, the statement answers a second cart with other codes just as exactly.
        var again = await lookup.FindAllAsync(null, ["SOAP-125G"], CancellationToken.None);

        Assert.Equal(
            [("8901262030014", "GHEE-1L"), ("GHEE-1L", "GHEE-1L"), ("RICE-5KG", "RICE-5KG")],
            found.Select(f => (f.Key, f.Value.Sku)).Order());
        Assert.Equal([("SOAP-125G", "SOAP-125G")], again.Select(f => (f.Key, f.Value.Sku)));
    }

    [Fact]
    public async Task Save_NewerSnapshot_ReplacesProductsAndStock()
    {
        await using var till = await LocalTill.CreateAsync();

        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 12.5m) with
        {
            Products = [.. LocalTill.Snapshot(1, till.Time.GetUtcNow(), onHand: 12.5m).Products.Where(p => p.Sku != "COLA-750ML")],
        }, CancellationToken.None);

        Assert.Null(await till.Snapshots.FindAsync("COLA-750ML", CancellationToken.None));
        Assert.Equal(12.5m, (await till.Snapshots.FindAsync("RICE-5KG", CancellationToken.None))!.OnHand);
    }

    [Fact]
    public async Task Save_HqAheadOfTheCounter_RaisesItToNextSeqMinusOne()
    {
        await using var till = await LocalTill.CreateAsync();
        await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        // HQ already holds this till's sales up to 41 (the till was restored from an old backup).
        await till.Snapshots.SaveAsync(LocalTill.Snapshot(42, till.Time.GetUtcNow()), CancellationToken.None);
        var next = await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        Assert.Equal(42, next.TillSeq);
        Assert.EndsWith("/000042", next.BillNo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_HqBehindTheCounter_NeverLowersIt()
    {
        await using var till = await LocalTill.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));
        }

        await till.Snapshots.SaveAsync(LocalTill.Snapshot(1, till.Time.GetUtcNow()), CancellationToken.None);
        var next = await till.SellAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]));

        Assert.Equal(4, next.TillSeq);
    }

    [Fact]
    public async Task Sell_BeforeTheFirstSnapshot_IsRefusedWithAReason()
    {
        await using var till = await LocalTill.CreateAsync(nextSeq: null);

        var (receipt, problem) = await till.Recorder.RecordAsync(Carts.PaidInCash([new CartLine("RICE-5KG", 1)]), CancellationToken.None);

        Assert.Null(receipt);
        Assert.Equal("This till has no catalogue yet: it must reach HQ once before its first sale.", problem);
    }

    [Fact]
    public async Task Sell_ProductGoneFromTheNewSnapshot_IsRefusedAsUnknown()
    {
        await using var till = await LocalTill.CreateAsync();
        var snapshot = LocalTill.Snapshot(1, till.Time.GetUtcNow());
        await till.Snapshots.SaveAsync(snapshot with { Products = [.. snapshot.Products.Where(p => p.Sku != "COLA-750ML")] }, CancellationToken.None);

        var (receipt, problem) = await till.Recorder.RecordAsync(Carts.PaidInCash([new CartLine("COLA-750ML", 1)]), CancellationToken.None);

        Assert.Null(receipt);
        Assert.Equal("Line 1: no product with SKU or barcode 'COLA-750ML'.", problem);
        Assert.Equal(HqScenario.Products.Count - 1, (await till.Snapshots.SearchAsync("", 50, CancellationToken.None)).Count);
    }
}
