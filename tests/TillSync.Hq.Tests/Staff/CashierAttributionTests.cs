// Proves HQ records each sale's cashier: a sale naming a staff member shows their name, a sale from a till before staff
// (no cashierId, on v1 or v2) is accepted and shown as "unknown cashier", and the cashier is business content — the same
// id with another cashier is a payload_mismatch conflict. Runs against the real HQ process on SQLite or PostgreSQL.
using TillSync.Contracts.Staff;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Staff;

public sealed class CashierAttributionTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Theory]
    [InlineData(SyncVersion.V1)]
    [InlineData(SyncVersion.V2)]
    public async Task Sale_WithoutCashier_IsCommittedAsUnknownCashier(SyncVersion version)
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var sale = till.Orders.NextBatch(1)[0];

        var result = await till.SyncOneAsync(sale);

        Assert.Equal(SyncStatus.Created, result.Status);
        var order = await fixture.Manager.GetOrderAsync(sale.ClientOrderId);
        Assert.Null(order.Order.CashierId);
        Assert.Equal(StaffRoles.UnknownCashier, order.Cashier);
    }

    [Fact]
    public async Task Sale_NamingACashier_ShowsTheirName_AndAnotherCashierForTheSameIdIsAConflict()
    {
        var cashier = (await fixture.Manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.Cashier.Name);
        var other = (await fixture.Manager.ListStaffAsync()).Single(s => s.Name == SeededStaff.OtherCashier.Name);
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var sale = till.Orders.NextBatch(1)[0] with { CashierId = cashier.StaffId };

        var created = await till.SyncOneAsync(sale);
        var replay = await till.SyncOneAsync(sale);
        var mismatch = await till.SyncOneAsync(sale with { CashierId = other.StaffId });

        Assert.Equal(SyncStatus.Created, created.Status);
        Assert.Equal(SyncStatus.Duplicate, replay.Status);
        Assert.Equal((SyncStatus.Conflict, SyncReasons.PayloadMismatch), (mismatch.Status, mismatch.Reason));
        var order = await fixture.Manager.GetOrderAsync(sale.ClientOrderId);
        Assert.Equal((cashier.StaffId, cashier.Name), (order.Order.CashierId, order.Cashier));
    }
}
