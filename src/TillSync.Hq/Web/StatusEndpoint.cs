using System.Globalization;
using System.Text.RegularExpressions;
using TillSync.Contracts.Status;

namespace TillSync.Hq.Web;

/// <summary><c>GET /api/status</c>: HQ's release and the sync contracts it answers. Open like <c>/healthz</c>: a till asks it
/// before its first sync, to refuse an HQ older than itself with a clear message instead of failing request by request.</summary>
public static partial class StatusEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static void MapStatusEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/status", (EndpointDataSource endpoints) => TypedResults.Ok(new HqStatus(ReleaseVersion.Current, SyncContracts(endpoints))))
            .Produces<HqStatus>();

    /// <summary>The contracts read off the <c>POST /api/vN/sync</c> routes HQ maps, oldest first, so that the answer
    /// cannot drift from what HQ serves when a contract is added.</summary>
    public static IReadOnlyList<string> SyncContracts(EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Post) == true)
            .Select(e => SyncRoute().Match(e.RoutePattern.RawText ?? ""))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))
            .Distinct()
            .Order()
            .Select(n => string.Create(CultureInfo.InvariantCulture, $"v{n}"))
            .ToList();

    [GeneratedRegex("^/api/v(?<n>[0-9]+)/sync$")]
    private static partial Regex SyncRoute();
}
