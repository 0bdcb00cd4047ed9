using System.Globalization;

namespace TillSync.Till.Peers;

/// <summary>What the store LAN exchange saw lately, for the till's status (<c>GET /api/peers</c>) and its log: each peer's
/// last contact or failure, and the last <see cref="RefusalsKeptMax"/> refusals of entries from peers.</summary>
public sealed partial class PeerStatus(TimeProvider time, ILogger<PeerStatus> logger)
{
    /// <summary>How many refusals are kept.</summary>
    public const int RefusalsKeptMax = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PeerLinkView> _peers = new(StringComparer.Ordinal);
    private readonly List<PeerRefusalView> _refusals = [];

    /// <summary>A peer answered.</summary>
    public void Reached(Uri peer, int copiesStored)
    {
        lock (_gate)
        {
            var key = peer.ToString();
            var stored = checked((_peers.GetValueOrDefault(key)?.CopiesStored ?? 0) + copiesStored);
            _peers[key] = new PeerLinkView(key, Now(), null, stored);
        }
    }

    /// <summary>A peer did not answer, or answered with an error.</summary>
    public void Failed(Uri peer, string problem)
    {
        lock (_gate)
        {
            var key = peer.ToString();
            var held = _peers.GetValueOrDefault(key);
            if (held?.Problem != problem)
            {
                LogUnreachable(logger, key, problem);
            }

            _peers[key] = new PeerLinkView(key, held?.LastContactAt, problem, held?.CopiesStored ?? 0);
        }
    }

    /// <summary>An entry from <paramref name="peer"/> was refused: logged once (the exchange meets it again on every round
    /// until the peer's copy changes) and kept for the status.</summary>
    public void Refused(Uri peer, PeerRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        lock (_gate)
        {
            var view = new PeerRefusalView(Now(), peer.ToString(), refusal.OriginTillId, refusal.TillSeq, refusal.Code, refusal.Detail);
            if (_refusals.Count > 0 && _refusals[^1] with { At = view.At } == view)
            {
                return;
            }

            LogRefused(logger, refusal.OriginTillId, refusal.TillSeq, view.Peer, refusal.Code, refusal.Detail);
            _refusals.Add(view);
            if (_refusals.Count > RefusalsKeptMax)
            {
                _refusals.RemoveAt(0);
            }
        }
    }

    /// <summary>The status as the API shows it.</summary>
    public PeerStatusView View(IReadOnlyList<PeerHead> held)
    {
        lock (_gate)
        {
            return new PeerStatusView([.. _peers.Values.OrderBy(p => p.Url, StringComparer.Ordinal)], [.. _refusals], held);
        }
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store LAN: refused till {OriginTillId}'s entry at tillSeq {TillSeq} from {Peer} ({Code}): {Detail}")]
    private static partial void LogRefused(ILogger logger, long originTillId, long tillSeq, string peer, string code, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store LAN: peer {Peer} unreachable: {Problem}")]
    private static partial void LogUnreachable(ILogger logger, string peer, string problem);
}

/// <summary>The store LAN as the till's status shows it (<c>GET /api/peers</c>).</summary>
/// <param name="Peers">Each configured peer.</param>
/// <param name="Refusals">The latest refusals, oldest first.</param>
/// <param name="Held">The highest <c>tillSeq</c> this till holds of each till (its own included).</param>
public sealed record PeerStatusView(IReadOnlyList<PeerLinkView> Peers, IReadOnlyList<PeerRefusalView> Refusals, IReadOnlyList<PeerHead> Held);

/// <summary>One peer's link.</summary>
/// <param name="Url">Its base address.</param>
/// <param name="LastContactAt">When it last answered (ISO-8601 UTC); null when never.</param>
/// <param name="Problem">Why the last attempt failed; null when it answered.</param>
/// <param name="CopiesStored">Copies stored from it since this till started.</param>
public sealed record PeerLinkView(string Url, string? LastContactAt, string? Problem, long CopiesStored);

/// <summary>An entry refused.</summary>
/// <param name="At">When (ISO-8601 UTC).</param>
/// <param name="Peer">The peer that served it.</param>
/// <param name="OriginTillId">The till it claims to come from.</param>
/// <param name="TillSeq">Its <c>tillSeq</c>.</param>
/// <param name="Code">What failed (<see cref="PeerRefusal.Code"/>).</param>
/// <param name="Detail">A sentence naming it.</param>
public sealed record PeerRefusalView(string At, string Peer, long OriginTillId, long TillSeq, string Code, string Detail);
