using TillSync.Contracts.Tills;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Tills;

/// <summary><c>GET /api/v1/till/snapshot</c>: everything the calling till needs to sell offline, read in one consistent
/// view of the database; and <c>GET /api/v1/till/snapshot/changes?since=</c>: only what changed since the version the till
/// holds (docs/sync.md, "The catalogue by delta").</summary>
public static class SnapshotEndpoint
{
    /// <summary>Maps the snapshot and its changes for tills.</summary>
    public static void MapSnapshotEndpoint(this IEndpointRouteBuilder api)
    {
        api.MapGet("/till/snapshot", TakeAsync).RequireTill().Produces<TillSnapshot>();
        api.MapGet("/till/snapshot/changes", ChangesAsync).RequireTill().Produces<SnapshotChanges>();
    }

    private static async Task<IResult> TakeAsync(HttpContext http, HqDatabase database, TimeProvider time, Stores.GstinPolicy gstins, Chain.HqStatementKey statementKey) =>
        TypedResults.Ok(await TillSnapshots.WholeAsync(database, http.Caller(), gstins, statementKey, time.GetUtcNow(), http.RequestAborted));

    private static async Task<IResult> ChangesAsync(HttpContext http, HqDatabase database, TimeProvider time, Stores.GstinPolicy gstins, Chain.HqStatementKey statementKey)
    {
        var since = SnapshotVersion.Parse(http.Request.Query["since"]);
        if (since is null)
        {
            return Problems.BadRequest("since must be the version of a snapshot HQ handed out; without one, fetch GET /api/v1/till/snapshot.");
        }

        var changes = await TillSnapshots.SinceAsync(database, http.Caller(), gstins, statementKey, since, time.GetUtcNow(), http.RequestAborted);
        return changes is null ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(changes);
    }
}
