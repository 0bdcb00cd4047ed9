// Proves that one batch mixing replays, good orders and poison orders gets one right answer per order, aligned
// with the request; rejections are recorded, consume their tillSeq, replay identically and never block the queue.
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class MixedBatchTests(HqFixture fixture) : MixedBatchContract(fixture, SyncVersion.V1), IClassFixture<HqFixture>;

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class MixedBatchV2Tests(HqFixture fixture) : MixedBatchContract(fixture, SyncVersion.V2), IClassFixture<HqFixture>;

/// <summary>The tests, run once per sync version.</summary>
public abstract class MixedBatchContract(HqFixture fixture, SyncVersion version)
{
    [Fact]
    public async Task Sync_MixedBatch_AnswersEachOrderInRequestOrder()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var known = till.Orders.NextBatch(2);
        var firstSync = await till.SyncAsync(known);
        var good4 = till.Orders.Next();
        var badTotals = BreakTotals(till.Orders.Next());
        var unknownSku = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1), new OrderLineDto("NOT-IN-CATALOGUE", 1, 5_000, 0, 1_800)]);
        var good7 = till.Orders.Next(customer: HqScenario.B2BInterState);
        var good8 = till.Orders.Next([OrderFactory.Line("SUGAR-LOOSE", 2.345m)]);
        List<OrderDto> batch = [known[0], known[1], good4, badTotals, unknownSku, good7, good8];
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        var reply = await till.SyncAsync(batch);

        OrderAssert.Replays(firstSync.Results[0], reply.Results[0], SyncStatus.Duplicate);
        OrderAssert.Replays(firstSync.Results[1], reply.Results[1], SyncStatus.Duplicate);
        AssertCreated(good4, reply.Results[2]);
        AssertRejected(SyncReasons.TotalsMismatch, reply.Results[3]);
        AssertRejected(SyncReasons.UnknownSku, reply.Results[4]);
        AssertCreated(good7, reply.Results[5]);
        AssertCreated(good8, reply.Results[6]);
        Assert.Equal(8, reply.NextSeq);
        OrderAssert.StockMovedBy(stockBefore, await fixture.Manager.OnHandAllAsync(), [good4, good7, good8]);

        var recorded = await fixture.Manager.ListAllOrdersAsync(till.TillId);
        Assert.Equal(batch.Select(o => o.ClientOrderId), recorded.Select(o => o.ClientOrderId));
        Assert.Equal(["committed", "committed", "committed", "rejected", "rejected", "committed", "committed"],
            recorded.Select(o => o.Status));
        Assert.Equal(SyncReasons.TotalsMismatch, recorded[3].Reason);
        Assert.Equal(SyncReasons.UnknownSku, recorded[4].Reason);
    }

    [Fact]
    public async Task Sync_MixedBatchResent_ReplaysEveryResultIncludingRejections()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        List<OrderDto> batch =
        [
            till.Orders.Next(),
            BreakTotals(till.Orders.Next()),
            till.Orders.Next([new OrderLineDto("NOT-IN-CATALOGUE", 1, 5_000, 0, 1_800)]),
            till.Orders.Next(),
        ];
        var first = await till.SyncAsync(batch);
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        var second = await till.SyncAsync(batch);

        OrderAssert.Replays(first.Results[0], second.Results[0], SyncStatus.Duplicate);
        OrderAssert.Replays(first.Results[1], second.Results[1], SyncStatus.Rejected);
        OrderAssert.Replays(first.Results[2], second.Results[2], SyncStatus.Rejected);
        OrderAssert.Replays(first.Results[3], second.Results[3], SyncStatus.Duplicate);
        Assert.Equal(SyncReasons.TotalsMismatch, second.Results[1].Reason);
        Assert.Equal(SyncReasons.UnknownSku, second.Results[2].Reason);
        Assert.Equal(5, second.NextSeq);
        Assert.Equal(stockBefore, await fixture.Manager.OnHandAllAsync());
    }

    [Fact]
    public async Task Sync_RejectedLastOrder_ConsumesItsSeq()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var good = till.Orders.Next();
        var poison = BreakPayments(till.Orders.Next());

        var reply = await till.SyncAsync([good, poison]);

        Assert.Equal(SyncStatus.Created, reply.Results[0].Status);
        AssertRejected(SyncReasons.PaymentsMismatch, reply.Results[1]);
        Assert.Equal(3, reply.NextSeq);
        Assert.Equal(3, (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq);

        // The queue behind the poison order moves on.
        var next = till.Orders.Next();
        Assert.Equal(3, next.TillSeq);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(next)).Status);
    }

    [Fact]
    public async Task Sync_RejectedOrder_IsRecordedWithReasonAndDetail()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var poison = BreakTotals(till.Orders.Next());

        var result = await till.SyncOneAsync(poison);

        AssertRejected(SyncReasons.TotalsMismatch, result);
        var recorded = await fixture.Manager.GetOrderAsync(poison.ClientOrderId);
        Assert.Equal("rejected", recorded.Status);
        Assert.Equal(SyncReasons.TotalsMismatch, recorded.Reason);
        Assert.False(string.IsNullOrWhiteSpace(recorded.Detail));
        Assert.Equal(till.TillId, recorded.TillId);
        Assert.Equal(1, recorded.TillSeq);
        OrderAssert.Same(poison, recorded.Order);
    }

    /// <summary>Totals off by one rupee, with payments matching the wrong total so only the totals are wrong.</summary>
    internal static OrderDto BreakTotals(OrderDto order)
    {
        var wrongTotal = order.Totals.TotalPaise + 100;
        return order with
        {
            Totals = order.Totals with { TaxablePaise = order.Totals.TaxablePaise + 100, TotalPaise = wrongTotal },
            Payments = [new PaymentDto(PaymentMethods.Cash, wrongTotal)],
        };
    }

    /// <summary>Correct totals, payments one rupee short.</summary>
    internal static OrderDto BreakPayments(OrderDto order) =>
        order with { Payments = [new PaymentDto(PaymentMethods.Card, order.Totals.TotalPaise - 100)] };

    private static void AssertCreated(OrderDto order, SyncResult result)
    {
        Assert.Equal(SyncStatus.Created, result.Status);
        Assert.False(result.Replayed);
        Assert.Equal(order.BillNo, result.BillNo);
        Assert.NotNull(result.CommittedAt);
        Assert.Null(result.Reason);
    }

    private static void AssertRejected(string reason, SyncResult result)
    {
        Assert.Equal(SyncStatus.Rejected, result.Status);
        Assert.Equal(reason, result.Reason);
        Assert.False(result.Replayed);
        Assert.False(string.IsNullOrWhiteSpace(result.Detail), "a rejection should say why in detail");
    }
}
