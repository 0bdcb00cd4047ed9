// Proves that a sync body HQ cannot accept is refused whole with the documented status and a problem+json detail that
// names no .NET type, stores nothing (orders, stock, nextSeq unchanged), and leaves HQ healthy and the till able to sync next.
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Sync;

public sealed class BadEnvelopeTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    public static TheoryData<string> MalformedBodies =>
    [
        "{\"orders\": [ {\"clientOrderId\": ",
        "not json at all",
        "",
        "[]",
        "{}",
        "{\"orders\": null}",
        "{\"orders\": {}}",
        "{\"orders\": [null]}",
        "{\"orders\": [], \"orders\": []}",
    ];

    public static TheoryData<string> RequiredFields => ["lines", "totals", "payments", "billNo", "clientOrderId", "tillSeq", "createdAt"];

    public static TheoryData<string, string> MalformedValues => new()
    {
        { "clientOrderId", "\"not-a-guid\"" },
        { "createdAt", "\"yesterday\"" },
        { "createdAt", "\"2026-13-45T99:00:00+05:30\"" },
        { "tillSeq", "\"three\"" },
        { "tillSeq", "1.5" },
        { "lines", "\"RICE-5KG x 2\"" },
        { "totals", "42" },
        { "totals", "null" },
        { "lines", "[null]" },
        { "payments", "[null]" },
        { "lines", "[{\"sku\": null, \"qty\": 1, \"unitPricePaise\": 100, \"discountPaise\": 0, \"gstRateBp\": 0}]" },
        { "lines", "[{\"sku\": \"RICE-5KG\", \"qty\": \"two\", \"unitPricePaise\": 100, \"discountPaise\": 0, \"gstRateBp\": 0}]" },
        { "lines", "[{\"sku\": \"RICE-5KG\", \"qty\": 1, \"unitPricePaise\": 99999999999999999999, \"discountPaise\": 0, \"gstRateBp\": 0}]" },
        { "customer", "\"walk-in\"" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Sync_MalformedJson_Returns400AndChangesNothing(string body)
    {
        var till = await TillWithHistoryAsync();
        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncJsonAsync(body));
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public async Task Sync_OrderMissingRequiredField_Returns400AndStoresNoOrderOfTheBatch(string field)
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(2);
        var tree = TillClient.ToJsonTree(batch);
        tree["orders"]![1]!.AsObject().Remove(field);

        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncJsonAsync(tree.ToJsonString()), batch);
    }

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public async Task Sync_MalformedValue_Returns400AndStoresNoOrderOfTheBatch(string field, string json)
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(2);
        var tree = TillClient.ToJsonTree(batch);
        tree["orders"]![1]![field] = JsonNode.Parse(json);

        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncJsonAsync(tree.ToJsonString()), batch);
    }

    [Fact]
    public async Task Sync_NullLines_Returns400()
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(1);
        var tree = TillClient.ToJsonTree(batch);
        tree["orders"]![0]!["lines"] = null;

        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncJsonAsync(tree.ToJsonString()), batch);
    }

    [Fact]
    public async Task Sync_501Orders_Returns400()
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(501);

        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncAsync(batch), batch);
    }

    [Fact]
    public async Task Sync_500Orders_IsAccepted()
    {
        var till = await fixture.EnrolTillAsync();
        var reply = await till.SyncAsync(till.Orders.NextBatch(500));
        Assert.All(reply.Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        Assert.Equal(501, reply.NextSeq);
    }

    [Theory]
    [InlineData(new long[] { 0, 1 }, "starts at tillSeq 0")]
    [InlineData(new long[] { -1, 1 }, "negative tillSeq")]
    [InlineData(new long[] { 1, 1 }, "repeats a tillSeq")]
    [InlineData(new long[] { 2, 1 }, "goes backwards")]
    [InlineData(new long[] { 1, 3, 2 }, "goes backwards after a gap")]
    public async Task Sync_TillSeqNotStrictlyIncreasing_Returns400(long[] offsets, string why)
    {
        var till = await TillWithHistoryAsync();
        var nextSeq = (await fixture.Manager.GetTillAsync(till.TillId)).NextSeq;
        // Offsets are relative to nextSeq − 1 so that 1 means "the order HQ expects"; 0 and −1 map to absolute values.
        var batch = offsets
            .Select(o => till.Orders.Build(o <= 0 ? o : nextSeq - 1 + o, [OrderFactory.Line("RICE-5KG", 1)]))
            .ToList();

        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncAsync(batch), batch, why);
    }

    [Fact]
    public async Task Sync_SameIdTwiceInBatch_Returns400()
    {
        var till = await TillWithHistoryAsync();
        var first = till.Orders.Next();
        var second = till.Orders.Next() with { ClientOrderId = first.ClientOrderId };

        await AssertRefusedWholeAsync(till, HttpStatusCode.BadRequest, () => till.PostSyncAsync([first, second]), [first]);
    }

    [Fact]
    public async Task Sync_BodyOver4MiB_Returns413()
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(1);
        var body = PaddedBody(batch, 5 * 1024 * 1024);

        // Expect: 100-continue lets HQ refuse on Content-Length before the body is sent. Without it, HQ's early 413
        // and close race the client's upload, and the client sees a broken pipe instead of the answer.
        await AssertRefusedWholeAsync(till, HttpStatusCode.RequestEntityTooLarge, async () =>
        {
            using var client = fixture.Hq.CreateClient(till.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = Json() } },
            };
            request.Headers.ExpectContinue = true;
            return await client.SendAsync(request);
        }, batch);
    }

    [Fact]
    public async Task Sync_ChunkedBodyOver4MiB_Returns413()
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(1);
        var body = PaddedBody(batch, 5 * 1024 * 1024);

        // No Content-Length: HQ must count the bytes as they arrive rather than trust a header.
        await AssertRefusedWholeAsync(till, HttpStatusCode.RequestEntityTooLarge,
            () => till.PostSyncRawAsync(new StreamContent(new UnseekableStream(body)) { Headers = { ContentType = Json() } }), batch);
    }

    [Fact]
    public async Task Sync_TextPlainContentType_Returns415()
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(1);

        await AssertRefusedWholeAsync(till, HttpStatusCode.UnsupportedMediaType,
            () => till.PostSyncRawAsync(new StringContent(TillClient.ToJson(batch), Encoding.UTF8, "text/plain")), batch);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("forged")]
    [InlineData("tampered")]
    [InlineData("basic")]
    [InlineData("empty")]
    public async Task Sync_WithoutAValidToken_Returns401(string credential)
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(1);

        await AssertRefusedWholeAsync(till, HttpStatusCode.Unauthorized, async () =>
        {
            using var client = fixture.Hq.CreateClient(null);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
            {
                Content = JsonContent.Create(new SyncRequest(batch), TillSyncJsonContext.Default.SyncRequest),
            };
            request.Headers.Authorization = credential switch
            {
                "forged" => new AuthenticationHeaderValue("Bearer", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))),
                "tampered" => new AuthenticationHeaderValue("Bearer", till.Token[..^1] + (till.Token[^1] == 'A' ? 'B' : 'A')),
                "basic" => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"till:{till.Token}"))),
                "empty" => new AuthenticationHeaderValue("Bearer"),
                _ => null,
            };
            return await client.SendAsync(request);
        }, batch);
    }

    [Fact]
    public async Task Sync_WithManagerToken_Returns403()
    {
        var till = await TillWithHistoryAsync();
        var batch = till.Orders.NextBatch(1);

        await AssertRefusedWholeAsync(till, HttpStatusCode.Forbidden, async () =>
        {
            using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
            return await client.PostAsync("/api/v1/sync", JsonContent.Create(new SyncRequest(batch), TillSyncJsonContext.Default.SyncRequest));
        }, batch);
    }

    [Fact]
    public async Task ManagerEndpoint_WithTillToken_Returns403AndChangesNothing()
    {
        var till = await TillWithHistoryAsync();
        var sneaky = new ProductDto("SNEAKY-1", "Sneaky product", "3401", "PCS", 1_800, 100, 1, null);

        await AssertRefusedWholeAsync(till, HttpStatusCode.Forbidden, async () =>
        {
            using var client = fixture.Hq.CreateClient(till.Token);
            return await client.PostAsync("/api/v1/products",
                JsonContent.Create<IReadOnlyList<ProductDto>>([sneaky], TillSyncJsonContext.Default.IReadOnlyListProductDto));
        });
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Manager.GetStockRawAsync(sneaky.Sku)).StatusCode);
    }

    /// <summary>A till that already committed two orders, so "unchanged" compares against a non-trivial state.</summary>
    private async Task<TillClient> TillWithHistoryAsync()
    {
        var till = await fixture.EnrolTillAsync();
        await till.SyncAsync(till.Orders.NextBatch(2));
        return till;
    }

    /// <summary>Sends the bad request, asserts the problem, that nothing changed, that none of <paramref name="batch"/>
    /// is recorded, that HQ is healthy, and that the till's next sale (numbered from HQ's nextSeq) still commits.</summary>
    private async Task AssertRefusedWholeAsync(
        TillClient till, HttpStatusCode expected, Func<Task<HttpResponseMessage>> send,
        IReadOnlyList<OrderDto>? batch = null, string? why = null)
    {
        var before = await HqState.CaptureAsync(till);

        using var response = await send();

        var detail = await Responses.ExpectProblemAsync(response, expected, fixture.Hq);
        Assert.False(string.IsNullOrWhiteSpace(detail), why);
        // The detail is for the client: what to change, never how HQ is built.
        Assert.DoesNotMatch(@"\b(System|TillSync|Microsoft)\.[A-Z]|`1", detail);
        await HqState.AssertUnchangedAsync(till, before);
        foreach (var order in batch ?? [])
        {
            Assert.Null(await fixture.Manager.FindOrderAsync(order.ClientOrderId));
        }

        await HqState.AssertHealthyAsync(fixture.Hq);
        var next = till.Orders.Build(before.NextSeq, [OrderFactory.Line("MILK-500ML", 1)]);
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(next)).Status);
    }

    private static MediaTypeHeaderValue Json() => new("application/json");

    /// <summary>A syntactically valid sync body padded with an unknown member to <paramref name="bytes"/>.</summary>
    private static byte[] PaddedBody(IReadOnlyList<OrderDto> batch, int bytes)
    {
        var json = TillClient.ToJson(batch);
        var head = json[..^1] + ",\"padding\":\"";
        var padding = new string('x', bytes - head.Length - 2);
        return Encoding.UTF8.GetBytes(head + padding + "\"}");
    }

    /// <summary>A stream HttpClient cannot measure, which makes it send the body chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
