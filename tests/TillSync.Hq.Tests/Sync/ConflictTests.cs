// Proves that a known order id never changes what HQ recorded: different content answers payload_mismatch and
// another till's id answers owner_mismatch without leaking the owner's bill or commit time. Real HQ over HTTP.
using System.Net;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

/// <summary>The contract through <c>/api/v1/sync</c>.</summary>
public sealed class ConflictTests(HqFixture fixture) : ConflictContract(fixture, SyncVersion.V1), IClassFixture<HqFixture>;

/// <summary>The same contract through <c>/api/v2/sync</c>, each order sent as a sale document.</summary>
public sealed class ConflictV2Tests(HqFixture fixture) : ConflictContract(fixture, SyncVersion.V2), IClassFixture<HqFixture>;

/// <summary>The tests, run once per sync version.</summary>
public abstract class ConflictContract(HqFixture fixture, SyncVersion version)
{
    public static TheoryData<string> Tamperings => ["line_qty", "line_added", "unit_price", "discount", "payment_split", "bill_no", "customer"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Sync_SameIdChangedContent_ReturnsPayloadMismatchAndKeepsOriginal(string tampering)
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var original = till.Orders.Build(1, [OrderFactory.Line("RICE-5KG", 2), OrderFactory.Line("SUGAR-LOOSE", 0.750m)]);
        original = original with { Payments = [new(PaymentMethods.Cash, original.Totals.TotalPaise)] };
        var created = await till.SyncOneAsync(original);
        Assert.Equal(SyncStatus.Created, created.Status);
        var storedBefore = await fixture.Manager.GetOrderAsync(original.ClientOrderId);
        var before = await HqState.CaptureAsync(till);

        var changed = Tamper(original, tampering);
        var reply = await till.SyncAsync([changed]);

        var result = reply.Results.Single();
        Assert.Equal(SyncStatus.Conflict, result.Status);
        Assert.Equal(SyncReasons.PayloadMismatch, result.Reason);
        Assert.Equal(2, reply.NextSeq);
        var storedAfter = await fixture.Manager.GetOrderAsync(original.ClientOrderId);
        OrderAssert.Same(original, storedAfter.Order);
        Assert.Equal(storedBefore.Fingerprint, storedAfter.Fingerprint);
        Assert.Equal(storedBefore.CommittedAt, storedAfter.CommittedAt);
        await HqState.AssertUnchangedAsync(till, before);
    }

    [Fact]
    public async Task Sync_ChangedContentWithinBatch_OnlyThatOrderConflicts()
    {
        var till = await fixture.EnrolTillAsync(version: version);
        var orders = till.Orders.NextBatch(3);
        await till.SyncAsync(orders.Take(2).ToList());
        var changed = OrderFactory.WithLines(orders[1], [.. orders[1].Lines, OrderFactory.Line("COLA-750ML", 1)]);

        var reply = await till.SyncAsync([orders[0], changed, orders[2]]);

        Assert.Equal(SyncStatus.Duplicate, reply.Results[0].Status);
        Assert.Equal(SyncStatus.Conflict, reply.Results[1].Status);
        Assert.Equal(SyncReasons.PayloadMismatch, reply.Results[1].Reason);
        Assert.Equal(SyncStatus.Created, reply.Results[2].Status);
        Assert.Equal(4, reply.NextSeq);
        OrderAssert.Same(orders[1], (await fixture.Manager.GetOrderAsync(orders[1].ClientOrderId)).Order);
    }

    [Fact]
    public async Task Sync_OtherTillsOrderId_ReturnsOwnerMismatchAndLeaksNothing()
    {
        var tillA = await fixture.EnrolTillAsync(version: version);
        var tillB = await fixture.EnrolTillAsync(version: version);
        var ordersOfA = tillA.Orders.NextBatch(2);
        var committedA = await tillA.SyncAsync(ordersOfA);
        var before = await HqState.CaptureAsync(tillB);
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        // Till B presents A's id with B's own sale (a restored backup, a bug, or probing).
        var presentedByB = tillB.Orders.Build(1, [OrderFactory.Line("SOAP-125G", 1)], clientOrderId: ordersOfA[1].ClientOrderId);
        var reply = await tillB.SyncAsync([presentedByB]);

        var result = reply.Results.Single();
        Assert.Equal(SyncStatus.Conflict, result.Status);
        Assert.Equal(SyncReasons.OwnerMismatch, result.Reason);
        Assert.False(result.Replayed);
        Assert.True(result.BillNo is null || result.BillNo == presentedByB.BillNo, $"billNo leaked: {result.BillNo}");
        Assert.Null(result.CommittedAt);
        Assert.NotEqual(committedA.Results[1].CommittedAt, result.CommittedAt);
        Assert.Empty(result.Flags);
        Assert.True(result.Detail is null || !result.Detail.Contains(ordersOfA[1].BillNo, StringComparison.Ordinal),
            $"detail leaked A's bill number: {result.Detail}");
        Assert.Equal(1, reply.NextSeq);
        await HqState.AssertUnchangedAsync(tillB, before);
        Assert.Equal(stockBefore, await fixture.Manager.OnHandAllAsync());
        var storedA = await fixture.Manager.GetOrderAsync(ordersOfA[1].ClientOrderId);
        Assert.Equal(tillA.TillId, storedA.TillId);
        OrderAssert.Same(ordersOfA[1], storedA.Order);
    }

    [Fact]
    public async Task Sync_OtherTillsExactOrder_ReturnsOwnerMismatch()
    {
        var tillA = await fixture.EnrolTillAsync(version: version);
        var tillB = await fixture.EnrolTillAsync(version: version);
        var order = tillA.Orders.Next();
        await tillA.SyncOneAsync(order);

        var result = await tillB.SyncOneAsync(order);

        Assert.Equal(SyncStatus.Conflict, result.Status);
        Assert.Equal(SyncReasons.OwnerMismatch, result.Reason);
        Assert.Null(result.CommittedAt);
        Assert.Equal(1, (await fixture.Manager.GetTillAsync(tillB.TillId)).NextSeq);
    }

    [Fact]
    public async Task ManagerEndpoints_WithTillToken_Return403()
    {
        var tillA = await fixture.EnrolTillAsync(version: version);
        var tillB = await fixture.EnrolTillAsync(version: version);
        var order = tillA.Orders.Next();
        await tillA.SyncOneAsync(order);
        using var asB = fixture.Hq.CreateClient(tillB.Token);

        foreach (var path in (string[])
                 [$"/api/v1/orders/{order.ClientOrderId}", $"/api/v1/orders?tillId={tillA.TillId}", "/api/v1/orders", "/api/v1/tills"])
        {
            var response = await asB.GetAsync(new Uri(path, UriKind.Relative));
            var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.Forbidden, fixture.Hq);
            Assert.DoesNotContain(order.BillNo, detail, StringComparison.Ordinal);
        }
    }

    private static OrderDto Tamper(OrderDto original, string tampering) => tampering switch
    {
        "line_qty" => OrderFactory.WithLines(original, [original.Lines[0] with { Qty = 3 }, original.Lines[1]]),
        "line_added" => OrderFactory.WithLines(original, [.. original.Lines, OrderFactory.Line("MILK-500ML", 1)]),
        "unit_price" => OrderFactory.WithLines(original, [original.Lines[0] with { UnitPricePaise = 31_000 }, original.Lines[1]]),
        "discount" => OrderFactory.WithLines(original, [original.Lines[0] with { DiscountPaise = 1_000 }, original.Lines[1]]),
        "payment_split" => original with
        {
            Payments = [new(PaymentMethods.Cash, 100), new(PaymentMethods.Upi, original.Totals.TotalPaise - 100)],
        },
        "bill_no" => original with { BillNo = original.BillNo[..^1] + (original.BillNo[^1] == '9' ? '8' : '9') },
        "customer" => OrderFactory.WithLines(original with { Customer = HqScenario.B2BIntraState }, original.Lines),
        _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
    };
}
