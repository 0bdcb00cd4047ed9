using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Chain;
using TillSync.Hq.Metrics;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Hq.Web;

namespace TillSync.Hq.Relay;

/// <summary><c>POST /api/v2/sync/relay</c> (ADR 0020): a till whose link to HQ is up sends the documents of other tills of
/// its store that cannot reach HQ. Its token authenticates the request; each origin till's group goes through
/// <see cref="SyncProcessor"/> as that till's own sync would — its row lock, <c>next_seq</c>, ledger, chain checked against
/// its registered key — in its own transaction, in request order, and is answered with that till's results and HQ's
/// signed statement of it, for the relaying till to hand back through the store's peers.</summary>
public static partial class RelayEndpoint
{
    /// <summary>Maps <c>/sync/relay</c> on the v2 group.</summary>
    public static void MapRelayEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/sync/relay", RelayAsync).RequireTill()
            .Accepts<RelaySyncRequest>("application/json")
            .Produces<RelaySyncResponse>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(415).ProducesProblem(503);

    private static async Task<IResult> RelayAsync(
        HttpContext http, SyncProcessor processor, HqStatementKey hqKey, HqDatabase database, TimeProvider time, HqMetrics metrics,
        ILogger<SyncProcessor> logger)
    {
        var measured = new SyncEndpoint.Measured(metrics, "relay", time, time.GetTimestamp(), database);
        var relaying = http.Caller();
        var (body, problem) = await JsonBody.ReadBytesAsync(http.Request, Limits.SyncBodyBytesMax, http.RequestAborted);
        IReadOnlyList<RelayGroup>? groups = null;
        Dictionary<long, RelayOrigin>? origins = null;
        if (body is { } bytes)
        {
            (groups, var invalid) = RelayBatchReader.Read(bytes, relaying.Id);
            problem = invalid is null ? null : Problems.BadRequest(invalid);
        }

        if (problem is null)
        {
            origins = await RelayOrigins.FindAsync(database, groups!.Select(g => g.TillId).ToList(), http.RequestAborted);
            problem = RelayOrigins.Problem(relaying, groups!, origins) is { } foreign ? Problems.Forbidden(foreign) : null;
        }

        if (problem is not null)
        {
            metrics.SyncRefused(measured.Contract, time.GetElapsedTime(measured.Started));
            return await SyncRefusals.RecordAsync(database, relaying.Id, problem, time.GetUtcNow(), http.RequestAborted);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["SyncRequestId"] = http.TraceIdentifier,
            ["RelayingTillId"] = relaying.Id,
        });
        var answers = new List<RelayGroupResult>(groups!.Count);
        try
        {
            foreach (var group in groups!)
            {
                answers.Add(await ProcessAsync(processor, hqKey, logger, relaying, origins![group.TillId], group));
            }
        }
        catch (Exception e) when (HqDatabase.IsTransient(e))
        {
            // Groups before this one committed in their own transactions; resent, they answer duplicate.
            return SyncEndpoint.RetryLater(http, measured, e,
                $"HQ's database is busy; the groups before groups[{answers.Count}] were stored, nothing after. Resend the same request shortly.");
        }

        var reply = new RelaySyncResponse(answers);
        metrics.RelayAnswered(reply, time.GetElapsedTime(measured.Started));
        return TypedResults.Ok(reply);
    }

    // One origin's group, answered after its transaction committed. A revoked origin's documents are not looked at: a
    // stolen till's key signs whatever its thief writes, and HQ cannot tell when a document was signed.
    private static async Task<RelayGroupResult> ProcessAsync(
        SyncProcessor processor, HqStatementKey hqKey, ILogger logger, Caller relaying, RelayOrigin origin, RelayGroup group)
    {
        if (origin.Revoked)
        {
            LogRevokedOrigin(logger, relaying.Id, origin.Till.Id, group.Documents.Count);
            var firstSeq = group.Documents.Count == 0 ? 0 : group.Documents[0].TillSeq;
            return new RelayGroupResult(group.TillId, [.. group.Documents.Select(d => DocumentResults.NotProcessed(d, null, SyncReasons.TillRevoked, firstSeq,
                "this till's token is revoked; HQ records nothing it signed until a manager issues it a new token"))], null, null);
        }

        // Not the request's token: the reply is built only after the group's transaction committed.
        var reply = await processor.ProcessAsync(origin.Till, group.Documents, null, CancellationToken.None, relaying);
        await hqKey.LoadAsync(CancellationToken.None);
        var rejections = reply.Results.Where(r => r.Status == SyncStatus.Rejected).Select(r => hqKey.Rejection(group.TillId, r)).ToList();
        return new RelayGroupResult(group.TillId, reply.Results, reply.NextSeq, reply.Statement, rejections.Count == 0 ? null : rejections);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Till {RelayingTillId} relayed {Documents} documents of till {TillId}, whose token is revoked; none was recorded")]
    private static partial void LogRevokedOrigin(ILogger logger, long relayingTillId, long tillId, int documents);
}
