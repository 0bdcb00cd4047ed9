// Proves --log-format json: HQ and a till, real processes, log one JSON object per line; HQ's lines of a sync carry the
// sync's request id and the till's id as fields; and no secret — the manager token, the till's token, its rotated
// successor — appears in anything either process printed after enrolment, sales, syncs, a rotation and a refusal.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Testing;
using TillSync.Till.Tests.Harness;

namespace TillSync.Till.Tests.Web;

public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonLogs_CarryTheSyncRequestIdAndTillIdAndNoSecret()
    {
        await using var hq = await HqProcess.StartWithJsonLogsAsync();
        await HqScenario.SetUpAsync(hq);
        var enrolled = await HqScenario.EnrolTillAsync(hq);
        await using var till = await TillProcess.StartAsync(hq.BaseAddress, enrolled.Token, "--log-format", "json");
        await till.Api.WaitOnlineAsync();
        await Carts.SellSugarAsync(till.Api, 3);
        await till.Api.WaitDrainedAsync();
        using var manager = hq.CreateClient(hq.AdminToken);
        using var rotation = await manager.PostAsync(new Uri($"/api/v1/tills/{enrolled.TillId}/token", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, rotation.StatusCode);
        var rotated = (await rotation.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillTokenIssued))!.Token;
        using (var forged = hq.CreateClient(enrolled.Token))
        {
            await forged.GetAsync(new Uri("/api/v1/till/snapshot", UriKind.Relative));
        }

        var hqLines = JsonLines(hq.Output(5_000));
        var tillLines = JsonLines(till.Output(5_000));

        var syncLine = hqLines.First(l => l.GetProperty("Message").GetString()!.StartsWith("Sync from till", StringComparison.Ordinal));
        var scope = syncLine.GetProperty("Scopes").EnumerateArray().Single(s => s.TryGetProperty("SyncRequestId", out _));
        Assert.False(string.IsNullOrEmpty(scope.GetProperty("SyncRequestId").GetString()));
        Assert.Equal(enrolled.TillId, scope.GetProperty("TillId").GetInt64());
        Assert.Contains(tillLines, l => l.GetProperty("Category").GetString() == "TillSync.Till.Sync.SyncAgent");
        foreach (var secret in new[] { hq.AdminToken, enrolled.Token, rotated })
        {
            Assert.DoesNotContain(secret, hq.Output(5_000), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, till.Output(5_000), StringComparison.Ordinal);
        }
    }

    // The log lines of a process's standard output (which the harness prefixes "[out] "), each parsed: a line that is
    // not JSON fails the test. The verbs' start-up banner ("hq: listening on …") is console output, not a log line.
    private static List<JsonElement> JsonLines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("[out] ", StringComparison.Ordinal))
            .Select(l => l["[out] ".Length..])
            .Where(l => !l.StartsWith("hq: ", StringComparison.Ordinal) && !l.StartsWith("till: ", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement)];
}
