// Proves every bill says where its e-invoice stands in HQ's order view: a B2B sale pending then registered, a B2C sale
// not_applicable, a rejected order nothing (it is not a bill).
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.EInvoicing;

public sealed class OrderEInvoiceStatusTests(EInvoiceFixture fixture) : IClassFixture<EInvoiceFixture>
{
    [Fact]
    public async Task OrderView_SaysRegistered_NotApplicable_OrNothing()
    {
        var till = await fixture.EnrolTillAsync();
        var b2b = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)], EInvoiceFixture.Buyer);
        var b2c = till.Orders.Build(till.Orders.NextSeq++, [OrderFactory.Line("RICE-5KG", 1)]);
        var rejected = OrderFactory.WithLines(till.Orders.Next(), [new OrderLineDto("NO-SUCH-SKU", 1, 10_000, 0, 1_800)]);
        await till.SyncAsync([b2b, b2c, rejected]);
        await fixture.SettledAsync(till.TillId, 1);
        var manager = new ManagerClient(fixture.Hq);

        Assert.Equal("registered", (await manager.GetOrderAsync(b2b.ClientOrderId)).EInvoiceStatus);
        Assert.Equal("not_applicable", (await manager.GetOrderAsync(b2c.ClientOrderId)).EInvoiceStatus);
        var rejectedView = await manager.GetOrderAsync(rejected.ClientOrderId);
        Assert.Equal("rejected", rejectedView.Status);
        Assert.Null(rejectedView.EInvoiceStatus);
        Assert.Equal(["registered", "not_applicable", null], (await manager.ListOrdersAsync(till.TillId)).Orders.Select(o => o.EInvoiceStatus));
    }
}
