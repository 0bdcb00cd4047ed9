// One enrolled till as the tests drive it: its token, its bill prefix, an order factory numbering its sales, and
// the till endpoints (sync, snapshot), so a test reads "the till syncs these orders" and checks HQ's answer.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;

namespace TillSync.Testing;

/// <summary>A till's side of the API.</summary>
public sealed class TillClient(HqProcess hq, TillEnrolmentResult enrolment, SyncVersion version = SyncVersion.V1)
{
    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    public HqProcess Hq => hq;

    public TillEnrolmentResult Enrolment => enrolment;

    public long TillId => enrolment.TillId;

    public string Token => enrolment.Token;

    public string BillPrefix => enrolment.BillPrefix;

    /// <summary>The sync endpoint this till speaks.</summary>
    public SyncVersion Version => version;

    /// <summary>The path of this till's sync endpoint.</summary>
    public string SyncPath => version == SyncVersion.V2 ? "/api/v2/sync" : "/api/v1/sync";

    /// <summary>Builds this till's orders with contiguous <c>tillSeq</c> from 1.</summary>
    public OrderFactory Orders { get; } = new(enrolment.BillPrefix);

    /// <summary>Syncs the orders and asserts a 200 with one result per order, aligned with the request.</summary>
    public async Task<SyncResponse> SyncAsync(IReadOnlyList<OrderDto> orders)
    {
        var response = await PostSyncAsync(orders);
        await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, hq);
        var reply = await ReadReplyAsync(response);
        AssertAligned(orders, reply);
        return reply;
    }

    /// <summary>The sync body of <paramref name="orders"/> for this till's endpoint: v1's orders, or v2's sale documents.</summary>
    public HttpContent SyncContent(IReadOnlyList<OrderDto> orders) => version == SyncVersion.V2
        ? JsonContent.Create(new DocumentSyncRequest([.. orders.Select(SaleDocument)]), Json.DocumentSyncRequest)
        : JsonContent.Create(new SyncRequest(orders), Json.SyncRequest);

    /// <summary>A 200 answer of this till's endpoint in v1's shape; a v2 answer must echo each sale document's kind.</summary>
    public async Task<SyncResponse> ReadReplyAsync(HttpResponseMessage response)
    {
        if (version == SyncVersion.V1)
        {
            return (await response.Content.ReadFromJsonAsync(Json.SyncResponse))!;
        }

        var reply = (await response.Content.ReadFromJsonAsync(Json.DocumentSyncResponse))!;
        Assert.All(reply.Results, r => Assert.Equal(DocumentKinds.Sale, r.Kind));
        return new SyncResponse([.. reply.Results.Select(r => new SyncResult(r.DocumentId, r.TillSeq, r.Status, r.Number, r.CommittedAt, r.Replayed,
            r.Flags, r.Reason, r.ExpectedSeq, r.Detail))], reply.NextSeq);
    }

    /// <summary>An order as the sale document a v2 till sends.</summary>
    public static TillDocumentDto SaleDocument(OrderDto order) => new(DocumentKinds.Sale, order.ClientOrderId, order.TillSeq, Sale: order);

    /// <summary>Posts documents to /api/v2/sync and asserts a 200 with one result per document, aligned with the request.</summary>
    public async Task<DocumentSyncResponse> SyncDocumentsAsync(IReadOnlyList<TillDocumentDto> documents)
    {
        using var client = hq.CreateClient(Token);
        var response = await client.PostAsync("/api/v2/sync", JsonContent.Create(new DocumentSyncRequest(documents), Json.DocumentSyncRequest));
        var reply = await Responses.ExpectAsync(response, HttpStatusCode.OK, Json.DocumentSyncResponse, hq);
        Assert.Equal(documents.Count, reply.Results.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(documents[i].DocumentId, reply.Results[i].DocumentId);
            Assert.Equal(documents[i].TillSeq, reply.Results[i].TillSeq);
            Assert.Equal(documents[i].Kind, reply.Results[i].Kind);
        }

        return reply;
    }

    /// <summary>Posts JSON text to /api/v2/sync as <c>application/json</c>.</summary>
    public async Task<HttpResponseMessage> PostDocumentsJsonAsync(string json)
    {
        using var client = hq.CreateClient(Token);
        return await client.PostAsync("/api/v2/sync", new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
    }

    /// <summary>Syncs one order and returns its result.</summary>
    public async Task<SyncResult> SyncOneAsync(OrderDto order) => (await SyncAsync([order])).Results.Single();

    public async Task<HttpResponseMessage> PostSyncAsync(IReadOnlyList<OrderDto> orders)
    {
        using var client = hq.CreateClient(Token);
        return await client.PostAsync(SyncPath, SyncContent(orders));
    }

    /// <summary>Posts any body to /api/v1/sync with this till's token.</summary>
    public async Task<HttpResponseMessage> PostSyncRawAsync(HttpContent content)
    {
        using var client = hq.CreateClient(Token);
        return await client.PostAsync("/api/v1/sync", content);
    }

    /// <summary>Posts JSON text to /api/v1/sync as <c>application/json</c>.</summary>
    public Task<HttpResponseMessage> PostSyncJsonAsync(string json) =>
        PostSyncRawAsync(new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    public async Task<TillSnapshot> SnapshotAsync()
    {
        using var client = hq.CreateClient(Token);
        return await Responses.ExpectAsync(
            await client.GetAsync(new Uri("/api/v1/till/snapshot", UriKind.Relative)), HttpStatusCode.OK, Json.TillSnapshot, hq);
    }

    /// <summary><c>PUT /api/v1/till/key</c> with this till's token, any answer.</summary>
    public async Task<HttpResponseMessage> RegisterKeyAsync(TillKeyRegistration registration)
    {
        using var client = hq.CreateClient(Token);
        return await client.PutAsync(new Uri("/api/v1/till/key", UriKind.Relative), JsonContent.Create(registration, Json.TillKeyRegistration));
    }

    /// <summary><c>GET /api/v1/till/sales?billNo=</c> with this till's token, any answer.</summary>
    public async Task<HttpResponseMessage> FindSaleAsync(string billNo)
    {
        using var client = hq.CreateClient(Token);
        return await client.GetAsync(new Uri($"/api/v1/till/sales?billNo={Uri.EscapeDataString(billNo)}", UriKind.Relative));
    }

    /// <summary>The sync body as a mutable JSON tree, for tests that break it on purpose.</summary>
    public static JsonObject ToJsonTree(IReadOnlyList<OrderDto> orders) =>
        JsonSerializer.SerializeToNode(new SyncRequest(orders), Json.SyncRequest)!.AsObject();

    /// <summary>The sync body as JSON text.</summary>
    public static string ToJson(IReadOnlyList<OrderDto> orders) => JsonSerializer.Serialize(new SyncRequest(orders), Json.SyncRequest);

    /// <summary>docs/sync.md: one result per order, same order, same length, echoing id and tillSeq.</summary>
    public static void AssertAligned(IReadOnlyList<OrderDto> orders, SyncResponse reply)
    {
        Assert.Equal(orders.Count, reply.Results.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            Assert.Equal(orders[i].ClientOrderId, reply.Results[i].ClientOrderId);
            Assert.Equal(orders[i].TillSeq, reply.Results[i].TillSeq);
        }
    }
}
