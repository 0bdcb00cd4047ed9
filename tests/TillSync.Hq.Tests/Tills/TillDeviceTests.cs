// Proves a manager's hold on a till's token over real HTTP to a real HQ: a revoked token is refused (401) on its very next
// request, a rotated one likewise while the new one syncs on, retries with the same Idempotency-Key replay the first
// answer, and each write is audited; the till list shows when a till was revoked until a new token is issued. Replacing a
// till with a new device: tests/TillSync.Till.Tests/Sync/TillReplacementTests.
using System.Net;
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.Tills;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Tills;

public sealed class TillDeviceTests
{
    [Fact]
    public async Task Revoke_TheTokenIsRefusedAtOnceAndARetryReplaysTheFirstAnswer()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        await till.SyncAsync(till.Orders.NextBatch(2));
        using var manager = hq.CreateClient(hq.AdminToken);
        var key = IdempotencyKey.New();

        var revoked = await PostAsync(manager, $"/api/v1/tills/{till.TillId}/revocation", key, HttpStatusCode.OK, TillSyncJsonContext.Default.TillRevocation);
        using var refused = await till.PostSyncAsync(till.Orders.NextBatch(1));
        var replay = await PostAsync(manager, $"/api/v1/tills/{till.TillId}/revocation", key, HttpStatusCode.OK, TillSyncJsonContext.Default.TillRevocation);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(revoked, replay);
        var listed = await new ManagerClient(hq).GetTillAsync(till.TillId);
        Assert.Equal((3L, revoked.RevokedAt), (listed.NextSeq, listed.RevokedAt));
        Assert.Contains(await AuditActionsAsync(manager), a => a == "till.revoke");
    }

    [Fact]
    public async Task Rotate_TheOldTokenIsRefusedAndTheNewOneSyncsOn()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        await till.SyncAsync(till.Orders.NextBatch(2));
        using var manager = hq.CreateClient(hq.AdminToken);
        await PostAsync(manager, $"/api/v1/tills/{till.TillId}/revocation", IdempotencyKey.New(), HttpStatusCode.OK, TillSyncJsonContext.Default.TillRevocation);

        var issued = await PostAsync(manager, $"/api/v1/tills/{till.TillId}/token", IdempotencyKey.New(), HttpStatusCode.Created,
            TillSyncJsonContext.Default.TillTokenIssued);
        var next = till.Orders.NextBatch(1);
        using var withOld = await till.PostSyncAsync(next);
        var rotated = new TillClient(hq, till.Enrolment with { Token = issued.Token });
        rotated.Orders.NextSeq = 3;
        var reply = await rotated.SyncAsync(rotated.Orders.NextBatch(1));

        Assert.Equal(HttpStatusCode.Unauthorized, withOld.StatusCode);
        Assert.NotEqual(till.Token, issued.Token);
        Assert.Equal(4, reply.NextSeq);
        Assert.Null((await new ManagerClient(hq).GetTillAsync(till.TillId)).RevokedAt);
        Assert.Contains(await AuditActionsAsync(manager), a => a == "till.token");
    }

    [Fact]
    public async Task DeviceWrites_UnknownTillOrTillToken_AreRefusedAndChangeNothing()
    {
        await using var hq = await HqProcess.StartAsync();
        await HqScenario.SetUpAsync(hq);
        var till = await HqScenario.EnrolTillAsync(hq);
        using var manager = hq.CreateClient(hq.AdminToken);
        using var asTill = hq.CreateClient(till.Token);

        using var unknown = await manager.PostAsync(new Uri("/api/v1/tills/999/revocation", UriKind.Relative), null);
        using var byTill = await asTill.PostAsync(new Uri($"/api/v1/tills/{till.TillId}/token", UriKind.Relative), null);
        using var badReserve = await manager.PostAsJsonAsync(new Uri($"/api/v1/tills/{till.TillId}/replacement", UriKind.Relative),
            new TillReplacementRequest(-1), TillSyncJsonContext.Default.TillReplacementRequest);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTill.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReserve.StatusCode);
        Assert.Equal("application/problem+json", badReserve.Content.Headers.ContentType?.MediaType);
        await till.SyncAsync(till.Orders.NextBatch(1));
    }

    private static async Task<T> PostAsync<T>(
        HttpClient manager, string path, string key, HttpStatusCode expected, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(key));
        using var response = await manager.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path} answered {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize(body, type)!;
    }

    private static async Task<List<string>> AuditActionsAsync(HttpClient manager)
    {
        var page = await manager.GetFromJsonAsync("/api/v1/audit", TillSyncJsonContext.Default.AuditPage);
        return [.. page!.Entries.Select(e => e.Action)];
    }
}
