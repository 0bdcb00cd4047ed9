using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Sync;

/// <summary><c>POST /api/v1/sync</c>: a till's queued orders in, one result per order out (DESIGN §4).</summary>
public static class SyncEndpoint
{
    /// <summary>Seconds a till should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Maps the sync endpoint for tills.</summary>
    public static void MapSyncEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/sync", SyncAsync).RequireTill()
            .Accepts<SyncRequest>("application/json")
            .Produces<SyncResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);

    private static async Task<IResult> SyncAsync(HttpContext http, SyncProcessor processor)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.SyncRequest, Limits.SyncBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var invalid = SyncEnvelope.Problem(request);
        if (invalid is not null)
        {
            return Problems.BadRequest(invalid);
        }

        try
        {
            // The reply is built only after the transaction committed; a client that disconnects earlier sees an
            // unknown outcome and resends the same ids, which then answer duplicate.
            return TypedResults.Ok(await processor.ProcessAsync(http.Caller(), request, CancellationToken.None));
        }
        catch (Exception e) when (HqDatabase.IsTransient(e))
        {
            // The transaction never began or rolled back whole: nothing is stored.
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Unavailable("HQ's database is busy; nothing was stored. Resend the same orders shortly.");
        }
    }
}
