// Proves that HQ commits each order exactly once: a batch sent again, wholly or overlapping, answers `duplicate`
// with the first result's bill and commit time, and moves no stock. Real HQ process, real HTTP, real SQLite.
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class DuplicateReplayTests(HqFixture fixture) : DuplicateReplayContract(fixture, SyncVersion.V1), IClassFixture<HqFixture>;

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class DuplicateReplayV2Tests(HqFixture fixture) : DuplicateReplayContract(fixture, SyncVersion.V2), IClassFixture<HqFixture>;

/// <summary>The tests, run once per sync version.</summary>
public abstract class DuplicateReplayContract(HqFixture fixture, SyncVersion version)
{
    [Fact]
    public async Task Sync_SameBatchTwice_SecondAnswersDuplicateWithOriginalResult()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var batch = till.Orders.NextBatch(20);
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        var first = await till.SyncAsync(batch);
        var stockAfterFirst = await fixture.Manager.OnHandAllAsync();
        var second = await till.SyncAsync(batch);

        Assert.All(first.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.All(first.Results, r => Assert.False(r.Replayed));
        for (var i = 0; i < batch.Count; i++)
        {
            Assert.Equal(batch[i].BillNo, first.Results[i].BillNo);
            Assert.NotNull(first.Results[i].CommittedAt);
            OrderAssert.Replays(first.Results[i], second.Results[i], SyncStatus.Duplicate);
        }

        Assert.Equal(21, first.NextSeq);
        Assert.Equal(21, second.NextSeq);
        OrderAssert.StockMovedBy(stockBefore, stockAfterFirst, batch);
        Assert.Equal(stockAfterFirst, await fixture.Manager.OnHandAllAsync());
        var stored = await fixture.Manager.ListAllOrdersAsync(till.TillId);
        Assert.Equal(batch.Select(o => o.ClientOrderId), stored.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task Sync_OverlappingResend_ReplaysKnownOrdersAndCreatesNewOnes()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var orders = till.Orders.NextBatch(5);
        var first = await till.SyncAsync(orders.Take(3).ToList());
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        // The till never heard the first answer for 2 and 3, so it resends them with the two sales made since.
        var second = await till.SyncAsync(orders.Skip(1).ToList());

        OrderAssert.Replays(first.Results[1], second.Results[0], SyncStatus.Duplicate);
        OrderAssert.Replays(first.Results[2], second.Results[1], SyncStatus.Duplicate);
        Assert.Equal(SyncStatus.Created, second.Results[2].Status);
        Assert.Equal(SyncStatus.Created, second.Results[3].Status);
        Assert.False(second.Results[3].Replayed);
        Assert.Equal(6, second.NextSeq);
        OrderAssert.StockMovedBy(stockBefore, await fixture.Manager.OnHandAllAsync(), orders.Skip(3));
    }

    [Fact]
    public async Task Sync_OldOrderResentAlone_ReturnsDuplicateAndLeavesNextSeq()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var orders = till.Orders.NextBatch(6);
        var first = await till.SyncAsync(orders.Take(3).ToList());
        await till.SyncAsync(orders.Skip(3).ToList());
        var before = await HqState.CaptureAsync(till);

        var replay = await till.SyncAsync([orders[0]]);

        OrderAssert.Replays(first.Results[0], replay.Results[0], SyncStatus.Duplicate);
        Assert.Equal(7, replay.NextSeq);
        await HqState.AssertUnchangedAsync(till, before);
    }

    [Fact]
    public async Task Sync_SubSecondCreatedAtInUtc_ReplaysAsDuplicateAndStoresTheSameInstant()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        // A till clock with 100 ns ticks, sent in UTC rather than IST: the fingerprint must survive HQ's storage.
        var createdAt = new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / 10 * 10 + 7, TimeSpan.Zero).AddMinutes(-5);
        var order = till.Orders.Build(1, [OrderFactory.Line("SUGAR-LOOSE", 1.234m), OrderFactory.Line("GHEE-1L", 1)],
            createdAt: createdAt);

        var first = await till.SyncOneAsync(order);
        var replay = await till.SyncOneAsync(order);

        Assert.Equal(SyncStatus.Created, first.Status);
        OrderAssert.Replays(first, replay, SyncStatus.Duplicate);
        var stored = await fixture.Manager.GetOrderAsync(order.ClientOrderId);
        Assert.Equal(createdAt, stored.Order.CreatedAt);
        Assert.Equal(1.234m, stored.Order.Lines[0].Qty);
    }
}
