using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Reviews;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Orders;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>Review items for managers: the filtered list, one item in detail, and its resolution.</summary>
public static class ReviewEndpoints
{
    /// <summary>Items in one page of the list.</summary>
    public const int PageSizeMax = 200;

    /// <summary>Maps <c>/reviews</c>, <c>/reviews/{id}</c> and <c>/reviews/{id}/resolution</c> (also as <c>/resolve</c>, docs/sync.md's name).</summary>
    public static void MapReviewEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews", ListAsync).RequireManager().Produces<ReviewPage>().ProducesProblem(400);
        api.MapGet("/reviews/{id:long}", DetailAsync).RequireManager().Produces<ReviewDetail>().ProducesProblem(404);
        foreach (var path in new[] { "/reviews/{id:long}/resolution", "/reviews/{id:long}/resolve" })
        {
            api.MapPost(path, ResolveAsync).RequireManager().Accepts<ReviewResolutionRequest>("application/json")
                .Produces<ReviewResolutionView>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        }
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, HqDatabase database, TimeProvider time, string? status, string? kind, string? sku, long? tillId, long? storeId,
        double? olderThanHours, string? order, long? after, int? limit)
    {
        var pageSize = limit ?? 50;
        status ??= ReviewItems.Open;
        var oldestFirst = order == "oldest";
        var problem = pageSize is < 1 or > PageSizeMax ? $"limit must be 1 to {PageSizeMax}."
            : status is not (ReviewItems.Open or ReviewItems.Resolved or "all") ? "status must be open, resolved or all."
            : kind is not null && !ReviewKinds.All.Contains(kind) ? $"kind must be one of {string.Join(", ", ReviewKinds.All)}."
            : order is not (null or "newest" or "oldest") ? "order must be newest or oldest."
            : olderThanHours is < 0 or > 24 * 3660 ? "olderThanHours must be 0 to 87840."
            : null;
        if (problem is not null)
        {
            return Problems.BadRequest(problem);
        }

        var filters = new List<(string Sql, string Name, object? Value)>
        {
            ("r.status = @status", "@status", status == "all" ? null : status),
            ("r.kind = @kind", "@kind", kind),
            ("r.sku = @sku", "@sku", string.IsNullOrEmpty(sku) ? null : sku),
            ("r.till_id = @till", "@till", tillId),
            ("r.store_id = @store", "@store", storeId),
            ("r.created_at <= @cutoff", "@cutoff", olderThanHours is { } hours ? StoredTime.Text(time.GetUtcNow().AddHours(-hours)) : null),
            (oldestFirst ? "r.review_id > @after" : "r.review_id < @after", "@after", after),
        };
        filters.RemoveAll(f => f.Value is null);
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var command = connection.Command($"""
            SELECT {ReviewReader.Columns} FROM {ReviewReader.From}
            {(filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters.Select(f => f.Sql)))}
            ORDER BY r.review_id {(oldestFirst ? "ASC" : "DESC")} LIMIT @limit
            """).With("@limit", pageSize + 1);
        foreach (var (_, name, value) in filters)
        {
            command.With(name, value);
        }

        var items = await command.ListAsync(ReviewReader.Read, http.RequestAborted);
        var more = items.Count > pageSize;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return TypedResults.Ok(new ReviewPage(items, more ? items[^1].ReviewId : null));
    }

    private static async Task<IResult> DetailAsync(HttpContext http, HqDatabase database, long id)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginReadAsync(connection, http.RequestAborted);
        var item = await ReviewReader.FindAsync(connection, transaction, id, http.RequestAborted);
        if (item is null)
        {
            return Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"HQ has no review item {id}."));
        }

        var competing = await ReviewReader.CompetingSalesAsync(connection, transaction, id, http.RequestAborted);
        var order = await OrderEndpoints.FindAsync(connection, transaction, item.ClientOrderId, http.RequestAborted);
        var resolution = (await ReviewReader.ResolutionAsync(connection, transaction, "review_id", id, http.RequestAborted))?.View;
        await transaction.CommitAsync(http.RequestAborted);
        List<ReviewEvent> history = [new(item.CreatedAt, "opened", "hq", item.Detail)];
        if (resolution is not null)
        {
            history.Add(new(resolution.ResolvedAt, "resolved", resolution.ResolvedBy, $"{resolution.Action}: {resolution.Note}"));
        }

        // A conflict's sale may belong to another till (owner_mismatch); the manager may see it, the till never does.
        return TypedResults.Ok(new ReviewDetail(item, competing, order, resolution, history));
    }

    private static async Task<IResult> ResolveAsync(HttpContext http, HqDatabase database, TimeProvider time, long id)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.ReviewResolutionRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var shapeProblem = ResolutionRules.ShapeProblem(request);
        if (shapeProblem is not null)
        {
            return Problems.BadRequest(shapeProblem);
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        // The item's row is locked first: two resolutions of one item (on any HQ process) queue here.
        var locked = await connection.Command($"SELECT t.review_id FROM review_items t WHERE t.review_id = @id{database.LockRowSql}", transaction)
            .With("@id", id).ScalarAsync(http.RequestAborted);
        var item = locked is null ? null : await ReviewReader.FindAsync(connection, transaction, id, http.RequestAborted);
        if (item is null)
        {
            return Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"HQ has no review item {id}."));
        }

        var earlier = await ReviewReader.ResolutionAsync(connection, transaction, "resolution_id", request.ResolutionId.ToString("D"), http.RequestAborted);
        if (earlier is not null)
        {
            return ResolutionRules.SameRequest(earlier, id, request)
                ? TypedResults.Ok(earlier.View)
                : Problems.Conflict($"resolutionId {request.ResolutionId} was already used for a different resolution (review {earlier.View.ReviewId}, "
                    + $"{earlier.View.Action}); make a new resolutionId for a new decision.");
        }

        if (item.Status != ReviewItems.Open)
        {
            var resolved = (await ReviewReader.ResolutionAsync(connection, transaction, "review_id", id, http.RequestAborted))?.View;
            return Problems.Conflict(string.Create(CultureInfo.InvariantCulture,
                $"Review item {id} is already resolved ({resolved?.Action} by {resolved?.ResolvedBy} at {resolved?.ResolvedAt:u}, resolution {resolved?.ResolutionId})."));
        }

        var (qtyMilli, itemProblem) = await ResolutionRules.CheckAgainstAsync(connection, transaction, item, request, http.RequestAborted);
        if (itemProblem is not null)
        {
            return Problems.BadRequest(itemProblem);
        }

        var view = await ReviewResolutions.ApplyAsync(
            connection, transaction, item, request, qtyMilli, http.Caller().Name, time.GetUtcNow(), database.Engine, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(view);
    }
}
