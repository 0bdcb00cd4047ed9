using System.Collections.Concurrent;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Tills;
using TillSync.Till.Chain;
using TillSync.Till.Sync;

namespace TillSync.Till.Peers;

/// <summary>The relay's sending side (ADR 0020): while this till's own link to HQ is up, after its own sync, it carries
/// the copies it holds of the other tills' documents that HQ does not hold yet, and keeps HQ's latest answer per origin
/// till — the <c>nextSeq</c> HQ expects and HQ's signed statement — which the peer heads answer hands on to the origin
/// (<see cref="Statements"/>).
/// <para>The answers are kept in memory only: after a restart the till starts again from the snapshot's
/// <c>tillHeads</c>, and anything HQ took since answers <c>duplicate</c> (dedup by document id) with a fresh statement,
/// so losing them costs one repeated request, never a document. A table would add a schema step for that one
/// request.</para></summary>
public sealed partial class PeerRelay(PeerCopies copies, Backoff backoff, TimeProvider time, ILogger<PeerRelay> logger)
{
    private readonly ConcurrentDictionary<long, RelayAnswer> _answers = new();
    private volatile bool _hqDoesNotRelay;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    /// <summary>HQ's signed statements about the other tills from the latest relay answers, for the peer heads answer.</summary>
    public IReadOnlyList<HqStatementDto> Statements() =>
        [.. _answers.Values.Where(a => a.Statement is not null).Select(a => a.Statement!).OrderBy(s => s.TillId)];

    /// <summary>HQ's signed rejections of <paramref name="origin"/>'s relayed documents, the latest
    /// <see cref="RejectionsKept"/>, for the heads answer to that till; null when there are none.</summary>
    public IReadOnlyList<HqOutcomeDto>? Rejections(long origin) =>
        _answers.GetValueOrDefault(origin)?.Rejections is { Count: > 0 } rejections ? rejections : null;

    /// <summary>How many of HQ's rejections of one origin's documents are kept to hand on (newest first). Rejections are
    /// rare; one not handed on still reaches its till through HQ's updates feed when its own link returns.</summary>
    public const int RejectionsKept = 50;

    /// <summary>Sends one relay request of the copies HQ does not hold yet, if any. Returns true when it sent a full
    /// request, so more may be waiting. Never throws but for <paramref name="cancellationToken"/>: a failure is logged and
    /// backs the relay off (the till's own sync goes on); a 404 stops relaying until the next start.</summary>
    public async Task<bool> RelayAsync(HqClient hq, TillSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hq);
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_hqDoesNotRelay || time.GetUtcNow() < _notBefore)
        {
            return false;
        }

        try
        {
            var groups = await copies.UnrelayedAsync(origin => FirstUnheld(snapshot, origin), cancellationToken);
            if (groups.Count == 0)
            {
                return false;
            }

            var reply = await hq.RelayAsync(groups, cancellationToken);
            if (reply is null)
            {
                _hqDoesNotRelay = true;
                LogHqDoesNotRelay();
                return false;
            }

            foreach (var group in reply.Groups)
            {
                Keep(group, snapshot.HqKey);
            }

            backoff.Reset();
            var sent = groups.Sum(g => g.Documents.Count);
            LogRelayed(sent, string.Join(", ", reply.Groups.Select(g => $"till {g.TillId} next {g.NextSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")));
            // A full request that moved HQ on may leave more; one that did not (a gap, conflicts) waits for the next sync.
            return sent == TillSync.Core.Limits.SyncOrdersMax && reply.Groups.Where((g, i) => g.NextSeq > groups[i].Documents[0].TillSeq).Any();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A refusal, an unreachable HQ, an answer that does not line up: the copies stay and go again after the backoff.
            var delay = backoff.NextDelay();
            _notBefore = time.GetUtcNow() + delay;
            LogFailed(e.Message, delay.TotalSeconds);
            return false;
        }
    }

    // HQ's next expected tillSeq of the origin: the later of its latest relay answer and the snapshot's tillHeads (the
    // origin may have reached HQ itself since the answer), else the chain's start (an HQ without tillHeads answers
    // `duplicate` for what it holds).
    private long FirstUnheld(TillSnapshot snapshot, long origin) =>
        Math.Max(_answers.GetValueOrDefault(origin)?.NextSeq ?? 1, snapshot.TillHeads?.FirstOrDefault(h => h.TillId == origin)?.NextSeq ?? 1);

    // A group answered for a revoked origin has no nextSeq and no statement: the one held stays. A statement or rejection
    // that does not check with HQ's key is not handed on (the origin would refuse it anyway).
    private void Keep(RelayGroupResult group, string? hqKey)
    {
        var statement = group.Statement is { } s && s.TillId == group.TillId && HqStatements.Checks(s, hqKey) ? s : null;
        var rejections = (group.Outcomes ?? []).Where(r => r.TillId == group.TillId && HqStatements.Checks(r, hqKey)).ToList();
        _answers.AddOrUpdate(group.TillId, new RelayAnswer(group.NextSeq, statement, Newest(rejections)),
            (_, held) => new RelayAnswer(group.NextSeq ?? held.NextSeq,
                statement is not null && (held.Statement is null || statement.TillSeq >= held.Statement.TillSeq) ? statement : held.Statement,
                Newest([.. held.Rejections.Where(h => rejections.TrueForAll(r => r.DocumentId != h.DocumentId)), .. rejections])));
    }

    private static List<HqOutcomeDto> Newest(IEnumerable<HqOutcomeDto> rejections) =>
        [.. rejections.OrderByDescending(r => r.TillSeq).Take(RejectionsKept).OrderBy(r => r.TillSeq)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Relayed {Sent} peer documents to HQ: {Answers}")]
    private partial void LogRelayed(int sent, string answers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HQ does not relay (404 on /api/v2/sync/relay): the other tills' documents wait for their own links until this till restarts")]
    private partial void LogHqDoesNotRelay();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay to HQ failed ({Reason}); retrying in {DelaySeconds:0.0} s")]
    private partial void LogFailed(string reason, double delaySeconds);
}

/// <summary>HQ's latest answer about one origin till's relayed documents.</summary>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next from it; null until HQ named one.</param>
/// <param name="Statement">HQ's signed statement of the highest entry it holds of it; null until one checked.</param>
/// <param name="Rejections">HQ's signed rejections of its documents, the newest <see cref="PeerRelay.RejectionsKept"/>.</param>
public sealed record RelayAnswer(long? NextSeq, HqStatementDto? Statement, IReadOnlyList<HqOutcomeDto> Rejections);
