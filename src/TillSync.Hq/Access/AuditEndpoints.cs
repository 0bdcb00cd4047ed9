using TillSync.Contracts.Audit;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Access;

/// <summary><c>GET /api/v1/audit?action=&amp;after=&amp;limit=</c>: the audit log for managers, oldest first.</summary>
public static class AuditEndpoints
{
    /// <summary>Entries in one page.</summary>
    public const int AuditPageMax = 500;

    /// <summary>Maps the audit log.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", ListAsync).RequireManager().Produces<AuditPage>().ProducesProblem(400);

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database, string? action, long? after, int? limit)
    {
        if (limit is < 1 or > AuditPageMax || after is < 0 || action is { Length: > 100 })
        {
            return Problems.BadRequest($"limit must be 1 to {AuditPageMax}, after 0 or more, action at most 100 characters.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var byAction = action is null ? "" : " AND action = @action";
        var command = connection.Command($"""
            SELECT audit_id, at, actor, action, detail FROM audit_log
            WHERE audit_id > @after{byAction}
            ORDER BY audit_id LIMIT {limit ?? AuditPageMax}
            """).With("@after", after ?? 0);
        if (action is not null)
        {
            command.With("@action", action);
        }

        var entries = await command
            .ListAsync(r => new AuditEntryView(r.GetInt64(0), StoredTime.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4)),
                http.RequestAborted);
        return TypedResults.Ok(new AuditPage(entries, entries.Count == 0 ? after ?? 0 : entries[^1].AuditId));
    }
}
