// Proves a till upgraded from version 3 with sales still queued sends them to a real HQ as they were: HQ commits each
// once, in tillSeq order, with the fingerprint of the order JSON version 3 stored, and the till's numbers carry on after
// them. The old till.db is built with version 3's schema script; the till runs in-process against a real HQ process.
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Core.Orders;
using TillSync.Testing;
using TillSync.Till.Outbox;
using TillSync.Till.Sales;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Sync;

public sealed class UpgradedTillSyncTests
{
    [Fact]
    public async Task QueuedVersion3Sales_ReachHqOnceEachAsTheyWereStored()
    {
        await using var shop = await TillScenario.StartAsync();
        var soldAt = DateTimeOffset.UtcNow.AddHours(-2).ToOffset(BillNumber.IstOffset);
        var snapshot = LocalTill.Snapshot(1, soldAt) with { TillId = shop.Till.TillId, BillPrefix = shop.Till.BillPrefix, TillName = shop.Till.Enrolment.Name };
        var old = await OldTills.Version3Async(shop.InProcessDataDir, soldAt, [SyncStates.Pending, SyncStates.Pending, SyncStates.Pending], snapshot);

        await using var till = await shop.StartInProcessTillAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        await till.Api.WaitOnlineAsync();
        await till.Api.WaitDrainedAsync();
        var next = await till.Api.SellAsync(Carts.PaidInCash([new CartLine("MILK-500ML", 1)]));
        await till.Api.WaitDrainedAsync();

        var orders = await shop.HqOrdersAsync();
        Assert.Equal([1L, 2, 3, 5], orders.Select(o => o.TillSeq)); // the upgraded till's shift opened at 4, before its new sale
        for (var i = 0; i < old.Count; i++)
        {
            var stored = JsonSerializer.Deserialize(old[i].OrderJson, TillSyncJsonContext.Default.OrderDto)!;
            Assert.Equal((stored.ClientOrderId, stored.BillNo), (orders[i].ClientOrderId, orders[i].Order.BillNo));
            OrderAssert.Same(stored, orders[i].Order);
        }

        Assert.Equal($"{shop.Till.BillPrefix}/{BillNumber.FinancialYear(next.CreatedAt)}/000004", next.BillNo);
    }
}
