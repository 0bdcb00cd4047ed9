using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Pricing;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Pricing;

/// <summary>Managers set what each role may mark down or override at the till (<c>/api/v1/role-limits</c>;
/// docs/pricing.md). A write raises the pricing version, so tills learn the limits with their next snapshot and HQ judges
/// a sale by the limits its till knew.</summary>
public static class RoleLimitEndpoints
{
    /// <summary>Maps the role limit endpoints for managers.</summary>
    public static void MapRoleLimitEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/role-limits", ListAsync).RequireManager().Produces<IReadOnlyList<RoleLimitDto>>();
        api.MapPut("/role-limits", SetAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<IReadOnlyList<RoleLimitDto>>("application/json").Produces<IReadOnlyList<RoleLimitDto>>().ProducesProblem(400);
    }

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        return TypedResults.Ok(await RoleLimits.CurrentAsync(connection, null, http.RequestAborted));
    }

    private static async Task<IResult> SetAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (limits, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.IReadOnlyListRoleLimitDto, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (limits is null)
        {
            return problem!;
        }

        if (RoleLimits.Problem(limits) is { } sentence)
        {
            return Problems.BadRequest(sentence);
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var version = await PricingVersions.RaiseAsync(connection, transaction, http.RequestAborted);
            await RoleLimits.SaveAsync(connection, transaction, version, limits, now, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "role_limits.set",
                string.Join("; ", limits.Select(l => string.Create(CultureInfo.InvariantCulture,
                    $"{l.Role}: {l.DiscountBpMax} bp, {(l.MayOverride ? "may" : "may not")} override")))
                + string.Create(CultureInfo.InvariantCulture, $" (pricing version {version})"),
                now, http.RequestAborted);
            return TypedResults.Ok(await RoleLimits.CurrentAsync(connection, transaction, http.RequestAborted));
        });
    }
}
