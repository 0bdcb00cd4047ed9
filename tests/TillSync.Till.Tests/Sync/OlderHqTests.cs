// Proves a till refuses an HQ older than itself with a sentence that says what to do: when HQ has no endpoint for the
// till's sync contract, the sync fails with HQ's release (or that it states none) and "Upgrade HQ first"; nothing is sent.
using System.Net;
using System.Text;
using TillSync.Contracts.Sync;
using TillSync.Till.Outbox;
using TillSync.Till.Sync;

namespace TillSync.Till.Tests.Sync;

public sealed class OlderHqTests
{
    [Fact]
    public async Task Sync_ToAnHqWithoutTheContract_ThatStatesItsVersion_NamesItAndAsksForAnUpgrade()
    {
        var hq = new OlderHq("""{"version":"0.9.0+abc","syncContracts":["v0"]}""");

        var refusal = await Assert.ThrowsAsync<HqRefusedException>(() => SyncOnceAsync(hq));

        Assert.Contains("HQ 0.9.0+abc speaks sync v0", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"needs sync {HqClient.SyncContract}. Upgrade HQ first", refusal.Message, StringComparison.Ordinal);
        Assert.Equal([$"POST /api/{HqClient.SyncContract}/sync", "GET /api/status"], hq.Requests);
    }

    [Fact]
    public async Task Sync_ToAnHqThatPredatesTheStatusAnswer_SaysItIsOfAnEarlierRelease()
    {
        var refusal = await Assert.ThrowsAsync<HqRefusedException>(() => SyncOnceAsync(new OlderHq(status: null)));

        Assert.StartsWith("HQ is of an earlier release than this till", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade HQ first", refusal.Message, StringComparison.Ordinal);
    }

    private static async Task SyncOnceAsync(OlderHq hq)
    {
        using var http = new HttpClient(hq);
        HqClient.Configure(http, new Uri("http://hq.test/"), "a-till-token");
        await new HqClient(http).SyncAsync(Array.Empty<QueuedDocument>(), new TillStatusReport(0, null), CancellationToken.None);
    }

    // HQ of an earlier release, at the network boundary: no sync endpoint for this till's contract (404, as ASP.NET
    // answers an unmapped route) and, when it states one, its status.
    private sealed class OlderHq(string? status) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            var found = request.RequestUri.AbsolutePath == "/api/status" && status is not null;
            return Task.FromResult(new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
            {
                Content = new StringContent(found ? status! : """{"status":404,"detail":"No such endpoint."}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
