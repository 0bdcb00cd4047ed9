// Proves the till snapshot: it names the till the token belongs to, its prefix and HQ's nextSeq, the store, and
// the catalogue with on-hand as of the sales HQ has committed.
using TillSync.Testing;

namespace TillSync.Hq.Tests.Tills;

public sealed class SnapshotTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Snapshot_NewTill_NamesItselfAndExpectsSeq1()
    {
        var till = await fixture.EnrolTillAsync();

        var snapshot = await till.SnapshotAsync();

        Assert.Equal(till.TillId, snapshot.TillId);
        Assert.Equal(till.Enrolment.Name, snapshot.TillName);
        Assert.Equal(till.BillPrefix, snapshot.BillPrefix);
        Assert.Equal(1, snapshot.NextSeq);
        Assert.Equal(HqScenario.StoreGstin, snapshot.Store.Details.Gstin);
        Assert.Equal(HqScenario.Products.Count, snapshot.Products.Count(p => HqScenario.Products.Any(x => x.Sku == p.Sku)));
        Assert.True(Math.Abs((DateTimeOffset.UtcNow - snapshot.TakenAt).TotalMinutes) < 5, $"takenAt {snapshot.TakenAt:O} is not now");
    }

    [Fact]
    public async Task Snapshot_AfterSales_ShowsNextSeqAndOnHandNet()
    {
        var till = await fixture.EnrolTillAsync();
        var orders = till.Orders.NextBatch(4);
        await till.SyncAsync(orders);

        var snapshot = await till.SnapshotAsync();

        Assert.Equal(5, snapshot.NextSeq);
        foreach (var product in snapshot.Products.Where(p => HqScenario.Products.Any(x => x.Sku == p.Sku)))
        {
            Assert.Equal(await fixture.Manager.OnHandAsync(product.Sku), product.OnHand);
        }
    }
}
