using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Tills;

/// <summary>A manager's hold on a till as a device: revoke its token, issue a new one, replace a dead till by a new device,
/// and list the gaps replacements left. Every write takes an <c>Idempotency-Key</c> and is audited in its transaction.</summary>
public static class TillDeviceEndpoints
{
    /// <summary>Maps the endpoints under <c>/api/v1/tills/{tillId}</c>.</summary>
    public static void MapTillDeviceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/tills/{tillId:long}/revocation", RevokeAsync).RequireManager().RequireIdempotencyKey()
            .Produces<TillRevocation>().ProducesProblem(404);
        api.MapPost("/tills/{tillId:long}/token", RotateAsync).RequireManager().RequireIdempotencyKey()
            .Produces<TillTokenIssued>(201).ProducesProblem(404);
        api.MapPost("/tills/{tillId:long}/replacement", ReplaceAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<TillReplacementRequest>("application/json").Produces<TillReplacementResult>(201).ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/tills/{tillId:long}/gaps", GapsAsync).RequireManager().Produces<IReadOnlyList<TillGap>>().ProducesProblem(404);
    }

    private static Task<IResult> RevokeAsync(HttpContext http, long tillId, HqDatabase database, TimeProvider time) =>
        IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var revokedAt = await TillReplacements.RevokeAsync(connection, transaction, database, tillId, now, http.RequestAborted);
            if (revokedAt is null)
            {
                return NoSuchTill(tillId);
            }

            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "till.revoke", $"till {tillId}: token revoked", now, http.RequestAborted);
            return TypedResults.Ok(new TillRevocation(tillId, revokedAt.Value));
        });

    private static Task<IResult> RotateAsync(HttpContext http, long tillId, HqDatabase database, TimeProvider time) =>
        IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var token = await TillReplacements.RotateAsync(connection, transaction, database, tillId, http.RequestAborted);
            if (token is null)
            {
                return NoSuchTill(tillId);
            }

            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "till.token", $"till {tillId}: new token issued",
                time.GetUtcNow(), http.RequestAborted);
            return TypedResults.Created($"/api/v1/tills/{tillId}", new TillTokenIssued(tillId, token));
        });

    private static async Task<IResult> ReplaceAsync(HttpContext http, long tillId, HqDatabase database, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.TillReplacementRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (request.Reserve is < 0 or > TillReplacements.ReserveMax)
        {
            return Problems.BadRequest($"reserve must be 0 to {TillReplacements.ReserveMax}: the numbers to leave unused beyond the queue the dead till last reported.");
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var replaced = await TillReplacements.ReplaceAsync(connection, transaction, database, tillId, request.Reserve, now, http.RequestAborted);
            if (replaced is null)
            {
                return NoSuchTill(tillId);
            }

            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "till.replace", string.Create(CultureInfo.InvariantCulture,
                $"till {tillId}: new device from tillSeq {replaced.NextSeq}; tillSeq {replaced.Gap.FromSeq}…{replaced.Gap.ToSeq} left for the dead device's undelivered documents"),
                now, http.RequestAborted);
            return TypedResults.Created($"/api/v1/tills/{tillId}/gaps", replaced);
        });
    }

    private static async Task<IResult> GapsAsync(HttpContext http, long tillId, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var gaps = await TillReplacements.GapsAsync(connection, tillId, http.RequestAborted);
        return gaps is null ? NoSuchTill(tillId) : TypedResults.Ok(gaps);
    }

    private static IResult NoSuchTill(long tillId) => Problems.NotFound($"There is no till {tillId}.");
}
