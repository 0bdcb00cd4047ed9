using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Metrics;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Sync;

/// <summary>The sync endpoints (ADR 0007): <c>POST /api/v2/sync</c> takes a till's documents of every kind;
/// <c>POST /api/v1/sync</c> takes a till's orders as before, reads each as a sale document through the same processor and
/// answers in v1's shape. Both parse, check the envelope, call <see cref="SyncProcessor"/> and translate its outcome.</summary>
public static class SyncEndpoint
{
    /// <summary>Seconds a till should wait before retrying after a 503.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Maps <c>/sync</c> on the v1 group.</summary>
    public static void MapSyncEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/sync", SyncV1Async).RequireTill()
            .Accepts<SyncRequest>("application/json")
            .Produces<SyncResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);

    /// <summary>Maps <c>/sync</c> on the v2 group.</summary>
    public static void MapDocumentSyncEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/sync", SyncV2Async).RequireTill()
            .Accepts<DocumentSyncRequest>("application/json")
            .Produces<DocumentSyncResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);

    private static async Task<IResult> SyncV1Async(HttpContext http, SyncProcessor processor, HqDatabase database, TimeProvider time, HqMetrics metrics)
    {
        var started = time.GetTimestamp();
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.SyncRequest, Limits.SyncBodyBytesMax, http.RequestAborted);
        problem ??= SyncEnvelope.Problem(request!) is { } invalid ? Problems.BadRequest(invalid) : null;
        if (problem is not null)
        {
            metrics.SyncRefused("v1", time.GetElapsedTime(started));
            return await SyncRefusals.RecordAsync(database, http.Caller().Id, problem, time.GetUtcNow(), http.RequestAborted);
        }

        var documents = request!.Orders.Select(IncomingDocument.FromOrder).ToList();
        return await ProcessAsync(http, processor, documents, request.Status, new Measured(metrics, "v1", time, started, database),
            reply => TypedResults.Ok(new SyncResponse(reply.Results.Select(DocumentResults.ToV1).ToList(), reply.NextSeq)));
    }

    private static async Task<IResult> SyncV2Async(HttpContext http, SyncProcessor processor, HqDatabase database, TimeProvider time, HqMetrics metrics)
    {
        var started = time.GetTimestamp();
        var (body, problem) = await JsonBody.ReadBytesAsync(http.Request, Limits.SyncBodyBytesMax, http.RequestAborted);
        IReadOnlyList<IncomingDocument>? documents = null;
        TillStatusReport? status = null;
        if (body is { } bytes)
        {
            (documents, status, var unreadable) = DocumentBatchReader.Read(bytes);
            var invalid = unreadable ?? SyncEnvelope.Problem(documents!, status);
            problem = invalid is null ? null : Problems.BadRequest(invalid);
        }

        if (problem is not null)
        {
            metrics.SyncRefused("v2", time.GetElapsedTime(started));
            return await SyncRefusals.RecordAsync(database, http.Caller().Id, problem, time.GetUtcNow(), http.RequestAborted);
        }

        return await ProcessAsync(http, processor, documents!, status, new Measured(metrics, "v2", time, started, database),
            reply => TypedResults.Ok(reply));
    }

    private static async Task<IResult> ProcessAsync(
        HttpContext http, SyncProcessor processor, IReadOnlyList<IncomingDocument> documents, TillStatusReport? status,
        Measured measured, Func<DocumentSyncResponse, IResult> answer)
    {
        // Every line logged for this sync carries its request id and the till's id (as fields with --log-format json).
        using var scope = http.RequestServices.GetRequiredService<ILogger<SyncProcessor>>().BeginScope(new Dictionary<string, object>
        {
            ["SyncRequestId"] = http.TraceIdentifier,
            ["TillId"] = http.Caller().Id,
        });
        try
        {
            // The reply is built only after the transaction committed; a client that disconnects earlier sees an
            // unknown outcome and resends the same ids, which then answer duplicate.
            var reply = await processor.ProcessAsync(http.Caller(), documents, status, CancellationToken.None);
            measured.Metrics.SyncAnswered(measured.Contract, reply, measured.Time.GetElapsedTime(measured.Started));
            return answer(reply);
        }
        catch (Exception e) when (HqDatabase.IsTransient(e))
        {
            // The transaction never began or rolled back whole: nothing is stored.
            return RetryLater(http, measured, e, "HQ's database is busy; nothing was stored. Resend the same documents shortly.");
        }
    }

    /// <summary>The 503 with <c>Retry-After</c> that answers a sync request whose transaction failed with the transient
    /// <paramref name="error"/>, counted by its contract.</summary>
    internal static IResult RetryLater(HttpContext http, Measured measured, Exception error, string detail)
    {
        measured.Metrics.SyncRetryLater(measured.Contract, error, measured.Database.Engine.Kind == StoreEngine.Sqlite ? "sqlite" : "postgresql",
            measured.Time.GetElapsedTime(measured.Started));
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.Unavailable(detail);
    }

    /// <summary>What a sync request's metrics need: its contract and when it arrived.</summary>
    internal sealed record Measured(HqMetrics Metrics, string Contract, TimeProvider Time, long Started, HqDatabase Database);
}
