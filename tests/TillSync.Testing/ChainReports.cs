// HQ's end-to-end check of a till's document chain as a manager reads it (GET /api/v1/tills/{id}/chain, ADR 0016).
using System.Net;
using TillSync.Contracts;
using TillSync.Contracts.Tills;

namespace TillSync.Testing;

/// <summary>Reads HQ's chain reports with the manager token.</summary>
public sealed class ChainReports(HqProcess hq)
{
    /// <summary>HQ's check of <paramref name="tillId"/>'s chain.</summary>
    public async Task<TillChainReport> OfAsync(long tillId)
    {
        using var client = hq.CreateClient(hq.AdminToken);
        return await Responses.ExpectAsync(await client.GetAsync(new Uri($"/api/v1/tills/{tillId}/chain", UriKind.Relative)), HttpStatusCode.OK,
            TillSyncJsonContext.Default.TillChainReport, hq);
    }
}
