// Proves the v2 document stream's own rules on a real HQ over HTTP: a kind HQ does not know waits with everything after
// it, a damaged document (sent as such, or unreadable at HQ) is recorded and reviewed while the rest of the batch
// commits, ids are unique across kinds, v1 and v2 share one ledger, and a refused batch marks the till as failing.
using System.Net;
using System.Text.Json.Nodes;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

public sealed class DocumentSyncTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task Sync_UnsupportedKind_WaitsWithEverythingAfterIt()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var orders = till.Orders.NextBatch(3);
        var unknown = new TillDocumentDto("stock_count", Guid.CreateVersion7(), 2);
        var later = orders[2] with { TillSeq = 3 };
        var stockBefore = await fixture.Manager.OnHandAllAsync();

        var reply = await till.SyncDocumentsAsync([TillClient.SaleDocument(orders[0]), unknown, TillClient.SaleDocument(later)]);

        Assert.Equal(SyncStatus.Created, reply.Results[0].Status);
        Assert.All(reply.Results.Skip(1), r =>
        {
            Assert.Equal(SyncStatus.NotProcessed, r.Status);
            Assert.Equal(SyncReasons.UnsupportedKind, r.Reason);
            Assert.Equal(2, r.ExpectedSeq);
            Assert.Null(r.CommittedAt);
        });
        Assert.Equal(2, reply.NextSeq);
        Assert.Null(await fixture.Manager.FindOrderAsync(later.ClientOrderId));
        OrderAssert.StockMovedBy(stockBefore, await fixture.Manager.OnHandAllAsync(), orders.Take(1));
        Assert.Equal(2, (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq);
    }

    [Fact]
    public async Task Sync_DamagedPlaceholder_IsRejectedWithAReviewItemAndTheQueueMovesOn()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var orders = till.Orders.NextBatch(3);
        var damaged = new TillDocumentDto(DocumentKinds.Damaged, Guid.CreateVersion7(), 2, Damaged: new DamagedDocumentDto(
            DocumentKinds.Sale, orders[1].BillNo, orders[1].CreatedAt, orders[1].Totals.TotalPaise, "the stored checksum does not match",
            "{\"clientOrderId\":\"01…garbled"));
        List<TillDocumentDto> batch = [TillClient.SaleDocument(orders[0]), damaged, TillClient.SaleDocument(orders[2])];

        var first = await till.SyncDocumentsAsync(batch);
        var replay = await till.SyncDocumentsAsync(batch);

        Assert.Equal([SyncStatus.Created, SyncStatus.Rejected, SyncStatus.Created], first.Results.Select(r => r.Status));
        Assert.Equal(SyncReasons.DamagedDocument, first.Results[1].Reason);
        Assert.Equal(orders[1].BillNo, first.Results[1].Number);
        Assert.Equal(4, first.NextSeq);
        Assert.Equal([SyncStatus.Duplicate, SyncStatus.Rejected, SyncStatus.Duplicate], replay.Results.Select(r => r.Status));
        Assert.All(replay.Results, r => Assert.True(r.Replayed));
        Assert.Equal(first.Results[1].CommittedAt, replay.Results[1].CommittedAt);
        var item = await DamagedItemAsync(till, damaged.DocumentId);
        Assert.Contains("garbled", item.Detail, StringComparison.Ordinal);
        Assert.Contains("checksum", item.Detail, StringComparison.Ordinal);
        Assert.Equal([ResolutionActions.Acknowledge], item.AllowedActions);
        var resolved = await fixture.Manager.ResolveAsync(item.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.Acknowledge, "Matched the printed bill with the drawer.", Guid.CreateVersion7()));
        Assert.Equal(ResolutionActions.Acknowledge, resolved.Action);
    }

    [Fact]
    public async Task Sync_OneDocumentUnreadableAtHq_OnlyThatDocumentIsRefused()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var orders = till.Orders.NextBatch(3);
        var tree = new JsonObject
        {
            ["documents"] = new JsonArray([.. orders.Select(o => System.Text.Json.JsonSerializer.SerializeToNode(
                TillClient.SaleDocument(o), Contracts.TillSyncJsonContext.Default.TillDocumentDto))]),
        };
        tree["documents"]![1]!["sale"]!["createdAt"] = "yesterday";
        var body = tree.ToJsonString();

        using var response = await till.PostDocumentsJsonAsync(body);
        var reply = await Responses.ExpectAsync(response, HttpStatusCode.OK, Contracts.TillSyncJsonContext.Default.DocumentSyncResponse, fixture.Hq);
        using var resent = await till.PostDocumentsJsonAsync(body);
        var replay = await Responses.ExpectAsync(resent, HttpStatusCode.OK, Contracts.TillSyncJsonContext.Default.DocumentSyncResponse, fixture.Hq);

        Assert.Equal([SyncStatus.Created, SyncStatus.Rejected, SyncStatus.Created], reply.Results.Select(r => r.Status));
        Assert.Equal(DocumentKinds.Sale, reply.Results[1].Kind);
        Assert.Equal(SyncReasons.DamagedDocument, reply.Results[1].Reason);
        Assert.Equal(orders[1].BillNo, reply.Results[1].Number);
        Assert.Equal(4, reply.NextSeq);
        Assert.Equal([SyncStatus.Duplicate, SyncStatus.Rejected, SyncStatus.Duplicate], replay.Results.Select(r => r.Status));
        Assert.Null(await fixture.Manager.FindOrderAsync(orders[1].ClientOrderId));
        Assert.NotNull(await fixture.Manager.FindOrderAsync(orders[2].ClientOrderId));
        var item = await DamagedItemAsync(till, orders[1].ClientOrderId);
        Assert.Contains("yesterday", item.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unreadable id", "{\"kind\":\"sale\",\"documentId\":\"not-a-uuid\",\"tillSeq\":2,\"sale\":{\"x\":1}}")]
    [InlineData("no tillSeq", "{\"kind\":\"sale\",\"documentId\":\"0196e3f4-0516-7273-b485-96a7b8c9d0e1\",\"sale\":{\"x\":1}}")]
    [InlineData("not an object", "42")]
    public async Task Sync_DocumentWithoutReadableIdentity_RefusesTheBatchWhole(string why, string element)
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var first = till.Orders.Next();
        var good = System.Text.Json.JsonSerializer.Serialize(TillClient.SaleDocument(first), Contracts.TillSyncJsonContext.Default.TillDocumentDto);

        using var response = await till.PostDocumentsJsonAsync($"{{\"documents\":[{good},{element}]}}");

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.False(string.IsNullOrWhiteSpace(detail), why);
        Assert.Null(await fixture.Manager.FindOrderAsync(first.ClientOrderId));
        Assert.Equal(1, (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq);
    }

    [Fact]
    public async Task Sync_SaleWhoseIdDiffersFromItsDocumentId_RefusesTheBatchWhole()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var order = till.Orders.Next();

        using var response = await till.PostDocumentsJsonAsync(System.Text.Json.JsonSerializer.Serialize(
            new DocumentSyncRequest([TillClient.SaleDocument(order) with { DocumentId = Guid.CreateVersion7() }]),
            Contracts.TillSyncJsonContext.Default.DocumentSyncRequest));

        await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Null(await fixture.Manager.FindOrderAsync(order.ClientOrderId));
    }

    [Fact]
    public async Task Sync_SameIdAsADocumentOfAnotherKind_Conflicts()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var id = Guid.CreateVersion7();
        var damaged = new TillDocumentDto(DocumentKinds.Damaged, id, 1, Damaged: new DamagedDocumentDto(null, null, null, null, "unreadable", "??"));
        await till.SyncDocumentsAsync([damaged]);
        till.Orders.NextSeq = 2;
        var sale = till.Orders.Build(2, [OrderFactory.Line("SOAP-125G", 1)], clientOrderId: id);

        var reply = await till.SyncDocumentsAsync([TillClient.SaleDocument(sale)]);

        var result = reply.Results.Single();
        Assert.Equal(SyncStatus.Conflict, result.Status);
        Assert.Equal(SyncReasons.PayloadMismatch, result.Reason);
        Assert.Equal(2, reply.NextSeq);
        Assert.Null(await fixture.Manager.FindOrderAsync(id));
    }

    [Fact]
    public async Task Sync_DamagedStandInForASaleHqHolds_AnswersTheRecordedSale()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var order = till.Orders.Next();
        var created = (await till.SyncDocumentsAsync([TillClient.SaleDocument(order)])).Results.Single();
        var damaged = new TillDocumentDto(DocumentKinds.Damaged, order.ClientOrderId, order.TillSeq,
            Damaged: new DamagedDocumentDto(DocumentKinds.Sale, order.BillNo, null, null, "the stored checksum does not match", "{\"cl"));

        var reply = await till.SyncDocumentsAsync([damaged]);

        var result = reply.Results.Single();
        Assert.Equal(SyncStatus.Duplicate, result.Status);
        Assert.True(result.Replayed);
        Assert.Equal(created.CommittedAt, result.CommittedAt);
        Assert.Equal(order.BillNo, result.Number);
    }

    [Fact]
    public async Task Sync_SaleSentThroughV1_ReplaysThroughV2AsDuplicate()
    {
        var v1 = await fixture.EnrolTillAsync();
        var orders = v1.Orders.NextBatch(3);
        var first = await v1.SyncAsync(orders);
        var v2 = new TillClient(fixture.Hq, v1.Enrolment, SyncVersion.V2);

        var replay = await v2.SyncAsync(orders);

        for (var i = 0; i < orders.Count; i++)
        {
            OrderAssert.Replays(first.Results[i], replay.Results[i], SyncStatus.Duplicate);
        }
    }

    [Fact]
    public async Task Sync_MixedV2Batch_AnswersEachDocumentInRequestOrder()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        var known = till.Orders.Next();
        await till.SyncDocumentsAsync([TillClient.SaleDocument(known)]);
        var good = till.Orders.Next();
        var damaged = new TillDocumentDto(DocumentKinds.Damaged, Guid.CreateVersion7(), till.Orders.NextSeq++,
            Damaged: new DamagedDocumentDto(null, null, null, null, "unreadable", "??"));
        var badTotals = MixedBatchContract.BreakTotals(till.Orders.Next());
        var last = till.Orders.Next([OrderFactory.Line("GHEE-1L", 1)]);

        var reply = await till.SyncDocumentsAsync(
            [TillClient.SaleDocument(known), TillClient.SaleDocument(good), damaged, TillClient.SaleDocument(badTotals), TillClient.SaleDocument(last)]);

        Assert.Equal([SyncStatus.Duplicate, SyncStatus.Created, SyncStatus.Rejected, SyncStatus.Rejected, SyncStatus.Created],
            reply.Results.Select(r => r.Status));
        Assert.Equal([null, null, SyncReasons.DamagedDocument, SyncReasons.TotalsMismatch, null], reply.Results.Select(r => r.Reason));
        Assert.Equal(6, reply.NextSeq);
    }

    [Fact]
    public async Task Sync_RefusedWhole_ShowsTheTillAsFailingUntilItsNextSync()
    {
        var till = await fixture.EnrolTillAsync(version: SyncVersion.V2);
        await till.SyncAsync(till.Orders.NextBatch(1));

        using var refused = await till.PostDocumentsJsonAsync("{\"documents\": 42}");
        await Responses.ExpectProblemAsync(refused, HttpStatusCode.BadRequest, fixture.Hq);
        var failing = await fixture.Manager.GetTillAsync(till.TillId);

        Assert.NotNull(failing.LastRefusalAt);
        Assert.StartsWith("400 ", failing.LastRefusal, StringComparison.Ordinal);
        Assert.True(failing.LastRefusalAt > failing.LastSyncAt, "the refusal came after the last sync");

        await till.SyncAsync(till.Orders.NextBatch(1));
        var recovered = await fixture.Manager.GetTillAsync(till.TillId);
        Assert.True(recovered.LastSyncAt > recovered.LastRefusalAt, "a later sync shows the till as syncing again");
    }

    private async Task<ReviewItemView> DamagedItemAsync(TillClient till, Guid documentId)
    {
        var page = await fixture.Manager.ListReviewsAsync($"kind={ReviewKinds.DamagedDocument}&tillId={till.TillId}");
        return Assert.Single(page.Items, i => i.ClientOrderId == documentId);
    }
}
