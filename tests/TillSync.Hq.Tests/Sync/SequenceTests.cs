// Proves HQ's per-till sequence rules: a gap stops the batch at the gap (seq_gap with expectedSeq) until the till
// resends from there, and a new id with a consumed tillSeq is a seq_reused conflict that stores nothing.
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class SequenceTests(HqFixture fixture) : SequenceContract(fixture, SyncVersion.V1), IClassFixture<HqFixture>;

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class SequenceV2Tests(HqFixture fixture) : SequenceContract(fixture, SyncVersion.V2), IClassFixture<HqFixture>;

/// <summary>The tests, run once per sync version.</summary>
public abstract class SequenceContract(HqFixture fixture, SyncVersion version)
{
    [Fact]
    public async Task Sync_GapInBatch_MarksGapAndEveryLaterOrderNotProcessed()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var orders = till.Orders.NextBatch(5);
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        // Order 2 is missing: 1 commits, 3, 4 and 5 wait.
        var reply = await till.SyncAsync([orders[0], orders[2], orders[3], orders[4]]);

        Assert.Equal(SyncStatus.Created, reply.Results[0].Status);
        foreach (var result in reply.Results.Skip(1))
        {
            Assert.Equal(SyncStatus.NotProcessed, result.Status);
            Assert.Equal(SyncReasons.SeqGap, result.Reason);
            Assert.Equal(2, result.ExpectedSeq);
            Assert.Null(result.CommittedAt);
            Assert.False(result.Replayed);
        }

        Assert.Equal(2, reply.NextSeq);
        foreach (var waiting in orders.Skip(2))
        {
            Assert.Null(await fixture.Manager.FindOrderAsync(waiting.ClientOrderId));
        }

        OrderAssert.StockMovedBy(stockBefore, await fixture.Manager.OnHandAllAsync(), orders.Take(1));
        Assert.Equal(2, (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq);
    }

    [Fact]
    public async Task Sync_ResendFromExpectedSeq_CommitsTheRest()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var orders = till.Orders.NextBatch(5);
        var gapped = await till.SyncAsync([orders[0], orders[2], orders[3]]);
        var expectedSeq = gapped.Results[1].ExpectedSeq;
        Assert.Equal(2, expectedSeq);
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        var resent = await till.SyncAsync(orders.Where(o => o.TillSeq >= expectedSeq).ToList());

        Assert.All(resent.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal(6, resent.NextSeq);
        OrderAssert.StockMovedBy(stockBefore, await fixture.Manager.OnHandAllAsync(), orders.Skip(1));
        var stored = await fixture.Manager.ListAllOrdersAsync(till.TillId);
        Assert.Equal(orders.Select(o => o.TillSeq), stored.Select(o => o.TillSeq));
    }

    [Fact]
    public async Task Sync_BatchStartingPastNextSeq_CommitsNothing()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        till.Orders.NextSeq = 3;
        var orders = till.Orders.NextBatch(3);
        var before = await HqState.CaptureAsync(till);

        var reply = await till.SyncAsync(orders);

        Assert.All(reply.Results, r =>
        {
            Assert.Equal(SyncStatus.NotProcessed, r.Status);
            Assert.Equal(SyncReasons.SeqGap, r.Reason);
            Assert.Equal(1, r.ExpectedSeq);
        });
        Assert.Equal(1, reply.NextSeq);
        await HqState.AssertUnchangedAsync(till, before);
    }

    [Fact]
    public async Task Sync_NewIdWithConsumedSeq_ReturnsSeqReusedAndStoresNothing()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        await till.SyncAsync(till.Orders.NextBatch(3));
        var before = await HqState.CaptureAsync(till);

        // The till was restored from a backup: its counter went back to 2 and it minted a new id for a new sale.
        var reused = till.Orders.Build(2, [OrderFactory.Line("COLA-750ML", 2)]);
        var reply = await till.SyncAsync([reused]);

        var result = reply.Results.Single();
        Assert.Equal(SyncStatus.Conflict, result.Status);
        Assert.Equal(SyncReasons.SeqReused, result.Reason);
        Assert.Equal(4, result.ExpectedSeq);
        Assert.Null(result.CommittedAt);
        Assert.Equal(4, reply.NextSeq);
        Assert.Null(await fixture.Manager.FindOrderAsync(reused.ClientOrderId));
        await HqState.AssertUnchangedAsync(till, before);
    }

    [Fact]
    public async Task Sync_SeqReusedThenNextSeq_ConflictsOnlyTheReusedOrder()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        await till.SyncAsync(till.Orders.NextBatch(2));
        var reused = till.Orders.Build(2, [OrderFactory.Line("SOAP-125G", 1)]);
        var next = till.Orders.Next();
        Assert.Equal(3, next.TillSeq);

        var reply = await till.SyncAsync([reused, next]);

        Assert.Equal(SyncStatus.Conflict, reply.Results[0].Status);
        Assert.Equal(SyncReasons.SeqReused, reply.Results[0].Reason);
        Assert.Equal(SyncStatus.Created, reply.Results[1].Status);
        Assert.Equal(4, reply.NextSeq);
        Assert.Null(await fixture.Manager.FindOrderAsync(reused.ClientOrderId));
    }

    [Fact]
    public async Task Sync_EmptyBatch_IsAHeartbeatThatReportsNextSeq()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        await till.SyncAsync(till.Orders.NextBatch(4));
        var before = await HqState.CaptureAsync(till);

        var reply = await till.SyncAsync([]);

        Assert.Empty(reply.Results);
        Assert.Equal(5, reply.NextSeq);
        await HqState.AssertUnchangedAsync(till, before);
    }

    [Fact]
    public async Task Sync_CommitOrderOfTill_FollowsTillSeq()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var orders = till.Orders.NextBatch(12);

        await till.SyncAsync(orders.Take(5).ToList());
        await till.SyncAsync(orders.Skip(5).ToList());

        var stored = await fixture.Manager.ListAllOrdersAsync(till.TillId);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), stored.Select(o => o.TillSeq));
        Assert.True(stored.Zip(stored.Skip(1)).All(p => p.First.HqSeq < p.Second.HqSeq), "hqSeq must increase with tillSeq");
        Assert.Equal(13, (await till.SnapshotAsync()).NextSeq);
    }
}
