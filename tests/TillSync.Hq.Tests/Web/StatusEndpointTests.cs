// Proves GET /api/status answers without a token with HQ's release and the sync contracts read off the routes HQ maps,
// so that a till can tell an HQ older than itself before sending anything.
using System.Net.Http.Json;
using TillSync.Contracts;
using TillSync.Contracts.Status;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Web;

public sealed class StatusEndpointTests
{
    [Fact]
    public async Task Status_WithoutToken_NamesTheReleaseAndTheSyncContractsHqMaps()
    {
        await using var hq = await HqProcess.StartAsync();
        using var http = hq.CreateClient(bearerToken: null);

        var status = await http.GetFromJsonAsync("/api/status", TillSyncJsonContext.Default.HqStatus);

        Assert.Equal(ReleaseVersion.Current, status!.Version);
        Assert.Contains("v1", status.SyncContracts);
        Assert.Equal(status.SyncContracts.Order(StringComparer.Ordinal), status.SyncContracts);
        foreach (var contract in status.SyncContracts)
        {
            // Every contract stated is served: an empty batch without a token is refused by the endpoint, not unknown.
            using var sync = await http.PostAsync(new Uri($"/api/{contract}/sync", UriKind.Relative), JsonContent.Create(new { }));
            Assert.NotEqual(System.Net.HttpStatusCode.NotFound, sync.StatusCode);
        }
    }
}
