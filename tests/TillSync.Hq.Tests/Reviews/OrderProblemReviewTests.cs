// Proves that rejected orders and sync conflicts land on the manager's review list with guidance and "acknowledge",
// that a conflict resent on every heartbeat opens one item only, and that each till's updates feed carries the
// opening and the resolution of its own items and nothing of another till's. Real HQ over HTTP.
using System.Net;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Reviews;

public sealed class OrderProblemReviewTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task RejectedOrder_OpensAnItemToAcknowledge_AndTheTillLearnsBoth()
    {
        var till = await fixture.EnrolTillAsync();
        var good = till.Orders.Next([OrderFactory.Line("RICE-5KG", 1)]);
        var bad = till.Orders.Next([OrderFactory.Line("SOAP-125G", 1)]);
        bad = bad with { Payments = [new PaymentDto(PaymentMethods.Cash, bad.Totals.TotalPaise + 100)] };

        var reply = await till.SyncAsync([good, bad]);

        Assert.Equal(SyncStatus.Rejected, reply.Results[1].Status);
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"tillId={till.TillId}")).Items);
        Assert.Equal((ReviewKinds.RejectedOrder, bad.BillNo, reply.Results[1].Reason), (item.Kind, item.BillNo, item.Reason));
        Assert.Equal([ResolutionActions.Acknowledge], item.AllowedActions);
        Assert.False(string.IsNullOrWhiteSpace(item.Guidance));
        await Responses.ExpectProblemAsync(await fixture.Manager.ResolveRawAsync(item.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.WriteOff, "no", Guid.CreateVersion7())), HttpStatusCode.BadRequest, fixture.Hq);
        await Responses.ExpectProblemAsync(await fixture.Manager.ResolveRawAsync(item.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Acknowledge, "no", Guid.CreateVersion7(), Qty: 1)), HttpStatusCode.BadRequest, fixture.Hq);
        OrderAssert.Replays(reply.Results[1], await till.SyncOneAsync(bad), SyncStatus.Rejected);
        Assert.Single((await fixture.Manager.ListReviewsAsync($"tillId={till.TillId}")).Items);

        var ack = await fixture.Manager.ResolveAsync(item.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Acknowledge, "customer paid again, cashier retrained", Guid.CreateVersion7()));

        Assert.Null(ack.Qty);
        Assert.Empty(ack.Movements);
        var feed = await till.UpdatesAsync();
        Assert.Equal([(TillUpdateKinds.ReviewOpened, item.ReviewId), (TillUpdateKinds.ReviewResolved, item.ReviewId)],
            feed.Updates.Select(u => (u.Kind, u.ReviewId!.Value)));
        Assert.All(feed.Updates, u => Assert.Equal((bad.ClientOrderId, bad.BillNo), (u.ClientOrderId, u.BillNo)));
        Assert.Equal(feed.Updates[^1].Cursor, feed.NextCursor);
        Assert.False(feed.More);
        Assert.Empty((await till.UpdatesAsync(feed.NextCursor)).Updates);
    }

    [Fact]
    public async Task SeqReusedConflict_ResentOnEveryHeartbeat_OpensOneItemWithGuidance()
    {
        var till = await fixture.EnrolTillAsync();
        await till.SyncAsync(till.Orders.NextBatch(2));
        // The till was restored from an old backup: its counter went back to 2 and a new sale reuses that number.
        var reused = till.Orders.Build(2, [OrderFactory.Line("MILK-500ML", 1)]);

        for (var heartbeat = 0; heartbeat < 3; heartbeat++)
        {
            Assert.Equal(SyncReasons.SeqReused, (await till.SyncOneAsync(reused)).Reason);
        }

        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"tillId={till.TillId}&kind=sync_conflict")).Items);
        Assert.Equal((SyncReasons.SeqReused, reused.ClientOrderId, reused.BillNo), (item.Reason, item.ClientOrderId, item.BillNo));
        Assert.Contains("backup", item.Guidance, StringComparison.Ordinal);
        var detail = await fixture.Manager.GetReviewAsync(item.ReviewId);
        Assert.Null(detail.Order); // HQ never recorded the sale
        Assert.Equal(3, (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq);
        Assert.Single((await till.UpdatesAsync()).Updates);
    }

    [Fact]
    public async Task OwnerMismatch_OpensAnItemForTheSendingTillOnly_AndFeedsNeverCross()
    {
        var tillA = await fixture.EnrolTillAsync();
        var tillB = await fixture.EnrolTillAsync();
        var saleOfA = tillA.Orders.Next([OrderFactory.Line("GHEE-1L", 1)]);
        await tillA.SyncOneAsync(saleOfA);
        var presentedByB = tillB.Orders.Build(1, [OrderFactory.Line("SOAP-125G", 1)], clientOrderId: saleOfA.ClientOrderId);

        Assert.Equal(SyncReasons.OwnerMismatch, (await tillB.SyncOneAsync(presentedByB)).Reason);
        Assert.Equal(SyncReasons.OwnerMismatch, (await tillB.SyncOneAsync(presentedByB)).Reason);

        var item = Assert.Single((await fixture.Manager.ListReviewsAsync($"tillId={tillB.TillId}&kind=sync_conflict")).Items);
        Assert.Equal((tillB.TillId, presentedByB.BillNo), (item.TillId, item.BillNo));
        Assert.Empty((await fixture.Manager.ListReviewsAsync($"tillId={tillA.TillId}")).Items);
        var feedB = Assert.Single((await tillB.UpdatesAsync()).Updates);
        Assert.Equal(presentedByB.BillNo, feedB.BillNo);
        Assert.DoesNotContain(saleOfA.BillNo, feedB.Summary, StringComparison.Ordinal);
        Assert.Empty((await tillA.UpdatesAsync()).Updates);
    }

    [Fact]
    public async Task ReviewList_FiltersByKindSkuTillAndAge_AndPagesBothWays()
    {
        var product = await fixture.Manager.AddProductAsync(openingStock: 0);
        var till = await fixture.EnrolTillAsync();
        var sales = Enumerable.Range(0, 5).Select(_ => till.Orders.Next([ReviewCalls.LineOf(product, 1)])).ToList();
        await till.SyncAsync(sales);

        var newest = await fixture.Manager.ListReviewsAsync($"sku={product.Sku}&limit=2");
        var oldest = await fixture.Manager.ListReviewsAsync($"sku={product.Sku}&order=oldest&limit=2");
        var rest = await fixture.Manager.ListReviewsAsync($"sku={product.Sku}&order=oldest&limit=10&after={oldest.NextAfter}");

        Assert.Equal([sales[4].BillNo, sales[3].BillNo], newest.Items.Select(i => i.BillNo));
        Assert.Equal([sales[0].BillNo, sales[1].BillNo], oldest.Items.Select(i => i.BillNo));
        Assert.Equal(sales.Skip(2).Select(s => s.BillNo), rest.Items.Select(i => i.BillNo));
        Assert.Null(rest.NextAfter);
        Assert.Equal(5, (await fixture.Manager.ListReviewsAsync($"tillId={till.TillId}&kind=stock_short")).Items.Count);
        Assert.Empty((await fixture.Manager.ListReviewsAsync($"tillId={till.TillId}&kind=rejected_order")).Items);
        Assert.Empty((await fixture.Manager.ListReviewsAsync($"sku={product.Sku}&olderThanHours=1")).Items);
        Assert.Equal(5, (await fixture.Manager.ListReviewsAsync($"sku={product.Sku}&olderThanHours=0")).Items.Count);
        // Each later sale competes with the earlier ones only while on-hand was short of what it needed.
        var second = await fixture.Manager.GetReviewAsync(oldest.Items[1].ReviewId);
        Assert.Equal([sales[0].BillNo], second.CompetingSales.Select(c => c.BillNo));
    }

    [Theory]
    [InlineData("status=maybe")]
    [InlineData("kind=other")]
    [InlineData("limit=0")]
    [InlineData("order=sideways")]
    [InlineData("olderThanHours=-1")]
    public async Task ReviewList_BadQuery_Returns400(string query)
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        await Responses.ExpectProblemAsync(await client.GetAsync(new Uri("/api/v1/reviews?" + query, UriKind.Relative)), HttpStatusCode.BadRequest, fixture.Hq);
    }
}
