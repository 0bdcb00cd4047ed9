// Proves every manager write that creates or changes something takes an Idempotency-Key: with HQ's first answer dropped
// by a TCP fault proxy, the retry with the same key applies nothing again and answers the first answer byte for byte;
// the same key with another body, or no key at all, is refused and changes nothing. Table-driven over the endpoints;
// runs on SQLite or PostgreSQL (TILLSYNC_TEST_STORE), on the real HQ process.
using System.Net;
using TillSync.Contracts.Idempotency;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Idempotency;

public sealed class IdempotentWriteTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private static int variant;

    public static TheoryData<string> Writes => [.. ManagerWrite.All.Keys];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_AnswerDroppedThenRetriedWithTheSameKey_AppliesOnceAndReplaysTheFirstAnswer(string name)
    {
        var write = ManagerWrite.All[name](NextVariant());
        await using var proxy = FaultProxy.Start(fixture.Hq.BaseAddress);
        var key = IdempotencyKey.New();
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        proxy.DropResponses(1, write.Path);
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(proxy.Address, write, key));
        var dropped = Assert.Single(proxy.Exchanges, e => e.Dropped);
        var applied = await ManagerFootprint.CaptureAsync(fixture.Hq);

        using var retry = await SendAsync(proxy.Address, write, key);
        using var again = await SendAsync(fixture.Hq.BaseAddress, write, key);

        Assert.Equal(write.Success, (HttpStatusCode)dropped.StatusCode);
        Assert.Equal([write.AuditAction], applied.ActionsSince(before));
        Assert.NotEqual(before.State, applied.State);
        Assert.Equal(before.JournalEntries + write.JournalEntries, applied.JournalEntries);
        foreach (var replay in new[] { retry, again })
        {
            Assert.Equal(write.Success, replay.StatusCode);
            Assert.Equal(dropped.ResponseBody, await replay.Content.ReadAsStringAsync());
            Assert.Equal(["true"], replay.Headers.GetValues(IdempotencyKey.ReplayedHeaderName));
        }

        Assert.Equal(applied, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_SameKeyWithAnotherBody_Is422AndChangesNothing(string name)
    {
        var key = IdempotencyKey.New();
        using var first = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All[name](NextVariant()), key);
        Assert.Equal(ManagerWrite.All[name](0).Success, first.StatusCode);
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        using var other = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All[name](NextVariant()), key);

        var detail = await Responses.ExpectProblemAsync(other, HttpStatusCode.UnprocessableEntity, fixture.Hq);
        Assert.Contains("nothing was changed", detail, StringComparison.Ordinal);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithoutKey_Is400AndChangesNothing(string name)
    {
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        using var response = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All[name](NextVariant()), key: null);

        var detail = await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Contains(IdempotencyKey.HeaderName, detail, StringComparison.Ordinal);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Theory]
    [InlineData("short-key")]
    [InlineData("\"has a space inside the quotes\"")]
    public async Task Write_MalformedKey_Is400AndChangesNothing(string headerValue)
    {
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        using var response = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All["stock receipt"](NextVariant()), key: null, headerValue);

        await Responses.ExpectProblemAsync(response, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Fact]
    public async Task Write_RefusedWithAKey_LeavesTheKeyFreeForTheCorrectedRequest()
    {
        var key = IdempotencyKey.New();
        var wrong = ManagerWrite.Post("/api/v1/stock/receipts", """{"lines":[{"sku":"NO-SUCH-SKU","qty":1}]}""", "stock.receipt", 1);

        using var refused = await SendAsync(fixture.Hq.BaseAddress, wrong, key);
        using var corrected = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All["stock receipt"](NextVariant()), key);

        await Responses.ExpectProblemAsync(refused, HttpStatusCode.BadRequest, fixture.Hq);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains(IdempotencyKey.ReplayedHeaderName));
    }

    [Fact]
    public async Task Write_KeyFirstUsedOnAnotherEndpoint_Is422AndChangesNothing()
    {
        var key = IdempotencyKey.New();
        using var receipt = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All["stock receipt"](NextVariant()), key);
        Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);
        var before = await ManagerFootprint.CaptureAsync(fixture.Hq);

        using var till = await SendAsync(fixture.Hq.BaseAddress, ManagerWrite.All["till enrolment"](NextVariant()), key);

        var detail = await Responses.ExpectProblemAsync(till, HttpStatusCode.UnprocessableEntity, fixture.Hq);
        Assert.Contains("POST /api/v1/stock/receipts", detail, StringComparison.Ordinal);
        Assert.Equal(before, await ManagerFootprint.CaptureAsync(fixture.Hq));
    }

    [Fact]
    public async Task Write_KeyQuotedOrBare_IsTheSameKey()
    {
        var key = IdempotencyKey.New();
        var write = ManagerWrite.All["stock adjustment"](NextVariant());

        using var quoted = await SendAsync(fixture.Hq.BaseAddress, write, key: null, IdempotencyKey.HeaderValue(key));
        using var bare = await SendAsync(fixture.Hq.BaseAddress, write, key: null, key);

        Assert.Equal(HttpStatusCode.Created, quoted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, bare.StatusCode);
        Assert.Equal(["true"], bare.Headers.GetValues(IdempotencyKey.ReplayedHeaderName));
        Assert.Equal(await quoted.Content.ReadAsStringAsync(), await bare.Content.ReadAsStringAsync());
    }

    private static int NextVariant() => Interlocked.Increment(ref variant);

    private Task<HttpResponseMessage> SendAsync(Uri address, ManagerWrite write, string? key, string? rawHeader = null) =>
        write.SendAsync(address, fixture.Hq.AdminToken, key, rawHeader);
}
