using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Pricing;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Accounting;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Pricing;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Promotions;

/// <summary>Managers run promotions (<c>/api/v1/promotions</c>; docs/pricing.md, "Promotions"): create, list, end early, and
/// see how one did (its report). A
/// create or an end raises the pricing version, so tills learn of it with their next snapshot or delta and HQ judges a
/// sale by what its till knew of it.</summary>
public static class PromotionEndpoints
{
    private const int PageSizeDefault = 50;
    private const int PageSizeMax = 200;

    /// <summary>Maps the promotion endpoints for managers.</summary>
    public static void MapPromotionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/promotions", CreateAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<PromotionRequest>("application/json").Produces<PromotionDto>(StatusCodes.Status201Created).ProducesProblem(400);
        api.MapGet("/promotions", ListAsync).RequireManager().Produces<PromotionPage>().ProducesProblem(400);
        api.MapGet("/promotions/{id:long}/report", ReportAsync).RequireManager().Produces<PromotionReport>().ProducesProblem(400).ProducesProblem(404);
        api.MapPost("/promotions/{id:long}/end", EndAsync).RequireManager().RequireIdempotencyKey()
            .Produces<PromotionDto>().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.PromotionRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (PromotionRules.Problem(request, time.GetUtcNow()) is { } sentence)
        {
            return Problems.BadRequest(sentence);
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            if (await PromotionRules.StoredProblemAsync(database.Engine, connection, transaction, request, now, http.RequestAborted) is { } stored)
            {
                return Problems.BadRequest(stored);
            }

            var version = await PricingVersions.RaiseAsync(connection, transaction, http.RequestAborted);
            var id = await PromotionRows.InsertAsync(connection, transaction, request, version, now, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "promotion.create",
                string.Create(CultureInfo.InvariantCulture, $"promotion {id} '{request.Name!.Trim()}' ({request.Kind}) (pricing version {version})"),
                now, http.RequestAborted);
            var created = await PromotionRows.FindAsync(connection, transaction, id, http.RequestAborted);
            return TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/v1/promotions/{id}"), created!.Promotion);
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database, TimeProvider time, long? before, int? limit, bool? current)
    {
        if (limit is < 1 or > PageSizeMax || before is < 1)
        {
            return Problems.BadRequest($"limit must be 1 to {PageSizeMax} and before a promotion id above 0.");
        }

        var size = limit ?? PageSizeDefault;
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var rows = await PromotionRows.PageAsync(connection, before, size + 1, current ?? false, time.GetUtcNow(), http.RequestAborted);
        var items = rows.Take(size).Select(r => r.Promotion).ToList();
        return TypedResults.Ok(new PromotionPage(items, rows.Count > size ? items[^1].Id : null));
    }

    // How the promotion did over the business days from–to (both optional): docs/pricing.md, "How each promotion did".
    private static async Task<IResult> ReportAsync(long id, HttpContext http, HqDatabase database, string? from, string? to)
    {
        var (period, problem) = LedgerPeriod.Parse(from, to, storeId: null);
        if (period is null)
        {
            return Problems.BadRequest(problem!);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        return await PromotionRows.FindAsync(connection, null, id, http.RequestAborted) is { } row
            ? TypedResults.Ok(await PromotionReports.ReadAsync(connection, row.Promotion, period, http.RequestAborted))
            : NoSuchPromotion(id);
    }

    private static async Task<IResult> EndAsync(long id, HttpContext http, HqDatabase database, TimeProvider time) =>
        await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            if (await PromotionRows.FindAsync(connection, transaction, id, http.RequestAborted) is null)
            {
                return NoSuchPromotion(id);
            }

            var version = await PricingVersions.RaiseAsync(connection, transaction, http.RequestAborted);
            if (!await PromotionRows.EndAsync(connection, transaction, id, version, now, http.RequestAborted))
            {
                return Problems.Conflict(string.Create(CultureInfo.InvariantCulture, $"Promotion {id} is already over; nothing was changed."));
            }

            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "promotion.end",
                string.Create(CultureInfo.InvariantCulture, $"promotion {id} ended early (pricing version {version})"), now, http.RequestAborted);
            return TypedResults.Ok((await PromotionRows.FindAsync(connection, transaction, id, http.RequestAborted))!.Promotion);
        });

    private static IResult NoSuchPromotion(long id) => Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no promotion {id}."));
}
