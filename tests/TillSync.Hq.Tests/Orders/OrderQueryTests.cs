// Proves the manager's order reads: one order comes back as the till sent it with HQ's fingerprint from Core, and
// the listing pages through commit order with after/nextAfter, filtered by till, without skipping or repeating.
using System.Net;
using TillSync.Contracts.Orders;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Hq.Orders;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Orders;

public sealed class OrderQueryTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Order_Get_ReturnsOrderAsSentWithCoreFingerprint()
    {
        var till = await fixture.EnrolTillAsync();
        var order = till.Orders.Next(
            [OrderFactory.Line("GHEE-1L", 1), OrderFactory.Line("SUGAR-LOOSE", 0.5m, discountPaise: 100)], HqScenario.B2BInterState);
        var result = await till.SyncOneAsync(order);

        var view = await fixture.Manager.GetOrderAsync(order.ClientOrderId);

        Assert.Equal(order.ClientOrderId, view.ClientOrderId);
        Assert.Equal(till.TillId, view.TillId);
        Assert.Equal(1, view.StoreId);
        Assert.Equal(1, view.TillSeq);
        Assert.Equal("committed", view.Status);
        Assert.Null(view.Reason);
        Assert.Empty(view.Flags);
        Assert.Equal(result.CommittedAt, view.CommittedAt);
        Assert.Equal(OrderFingerprint.Compute(OrderMapping.ToCore(order)), view.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", view.Fingerprint);
        OrderAssert.Same(order, view.Order);
        Assert.True(view.Order.Totals.IgstPaise > 0, "an inter-state B2B bill carries IGST");
        // The detail names its lines' products from the catalogue; a listing carries no names.
        Assert.Equal(new Dictionary<string, string> { ["GHEE-1L"] = HqScenario.Product("GHEE-1L").Name, ["SUGAR-LOOSE"] = HqScenario.Product("SUGAR-LOOSE").Name },
            view.ProductNames);
        Assert.All((await fixture.Manager.QueryOrdersAsync($"tillId={till.TillId}")).Orders, o => Assert.Null(o.ProductNames));
    }

    [Fact]
    public async Task Order_GetUnknownId_Returns404Problem()
    {
        await Responses.ExpectProblemAsync(
            await fixture.Manager.GetOrderRawAsync(Guid.CreateVersion7().ToString()), HttpStatusCode.NotFound, fixture.Hq);
    }

    [Fact]
    public async Task Order_GetMalformedId_Returns400Problem()
    {
        await Responses.ExpectProblemAsync(await fixture.Manager.GetOrderRawAsync("not-a-guid"), HttpStatusCode.BadRequest, fixture.Hq);
    }

    [Fact]
    public async Task Orders_Listing_PagesInCommitOrderWithNextAfter()
    {
        var till = await fixture.EnrolTillAsync();
        var orders = till.Orders.NextBatch(7);
        await till.SyncAsync(orders.Take(4).ToList());
        await till.SyncAsync(orders.Skip(4).ToList());

        var pages = new List<OrderPage>();
        long? after = null;
        do
        {
            var page = await fixture.Manager.ListOrdersAsync(till.TillId, after, limit: 3);
            pages.Add(page);
            after = page.NextAfter;
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Orders.Count));
        Assert.Equal(pages[0].Orders[^1].HqSeq, pages[0].NextAfter);
        Assert.Equal(pages[1].Orders[^1].HqSeq, pages[1].NextAfter);
        Assert.Null(pages[2].NextAfter);
        var listed = pages.SelectMany(p => p.Orders).ToList();
        Assert.Equal(orders.Select(o => o.ClientOrderId), listed.Select(o => o.ClientOrderId));
        Assert.True(listed.Zip(listed.Skip(1)).All(p => p.First.HqSeq < p.Second.HqSeq), "hqSeq must increase through the listing");
        Assert.All(listed, o => Assert.Equal(till.TillId, o.TillId));
    }

    [Fact]
    public async Task Orders_ListingAcrossTills_InterleavesByCommitAndFiltersByTill()
    {
        var tillA = await fixture.EnrolTillAsync();
        var tillB = await fixture.EnrolTillAsync();
        var commitOrder = new List<Guid>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var till in (TillClient[])[tillA, tillB])
            {
                var order = till.Orders.Next();
                Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(order)).Status);
                commitOrder.Add(order.ClientOrderId);
            }
        }

        var all = await fixture.Manager.ListAllOrdersAsync(null);
        var onlyA = await fixture.Manager.ListAllOrdersAsync(tillA.TillId);

        Assert.Equal(commitOrder, all.Select(o => o.ClientOrderId).Where(commitOrder.Contains));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.HqSeq < p.Second.HqSeq), "hqSeq must increase through the listing");
        Assert.Equal(commitOrder.Where((_, i) => i % 2 == 0), onlyA.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task Orders_ListingAfterLastOrder_IsEmptyWithNoNextAfter()
    {
        var till = await fixture.EnrolTillAsync();
        await till.SyncAsync(till.Orders.NextBatch(2));
        var last = (await fixture.Manager.ListAllOrdersAsync(till.TillId))[^1];

        var page = await fixture.Manager.ListOrdersAsync(till.TillId, last.HqSeq);

        Assert.Empty(page.Orders);
        Assert.Null(page.NextAfter);
    }
}
