using TillSync.Contracts.Tills;
using TillSync.Hq.Access;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Tills;

/// <summary><c>GET /api/v1/till/updates?after=&amp;limit=</c>: the calling till's feed of events about its own sales
/// (review items opened and resolved today; IRNs and loyalty later), in cursor order.</summary>
public static class UpdatesEndpoint
{
    /// <summary>Updates in one page.</summary>
    public const int PageSizeMax = 500;

    /// <summary>Maps the feed for tills.</summary>
    public static void MapUpdatesEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/till/updates", ReadAsync).RequireTill().Produces<TillUpdatesPage>().ProducesProblem(400);

    private static async Task<IResult> ReadAsync(HttpContext http, HqDatabase database, long? after, int? limit)
    {
        var pageSize = limit ?? PageSizeMax;
        if (pageSize is < 1 or > PageSizeMax || after < 0)
        {
            return Problems.BadRequest($"limit must be 1 to {PageSizeMax} and after must not be negative.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var updates = await TillFeed.ReadAsync(connection, http.Caller().Id, after ?? 0, pageSize, http.RequestAborted);
        var more = updates.Count > pageSize;
        if (more)
        {
            updates.RemoveAt(updates.Count - 1);
        }

        return TypedResults.Ok(new TillUpdatesPage(updates, updates.Count == 0 ? after ?? 0 : updates[^1].Cursor, more));
    }
}
