namespace TillSync.Till.Sync;

/// <summary>What the till knows about its link to HQ, for the status bar and <c>tillsync till status</c>. Kept in memory:
/// after a restart the till is "offline" until its first contact.</summary>
public sealed class LinkState
{
    private readonly Lock _gate = new();
    private LinkSnapshot _current = new(LinkStatus.Offline, null, null, "not yet in contact with HQ", null);

    /// <summary>The state now.</summary>
    public LinkSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>HQ answered and took the sync.</summary>
    public void Contacted(DateTimeOffset at, string outcome)
    {
        lock (_gate)
        {
            _current = new LinkSnapshot(LinkStatus.Online, at, null, outcome, null);
        }
    }

    /// <summary>HQ could not be reached; the next attempt is at <paramref name="retryAt"/>.</summary>
    public void Failed(DateTimeOffset at, string outcome, DateTimeOffset retryAt) => Trouble(LinkStatus.Offline, at, outcome, retryAt, contacted: false);

    /// <summary>HQ answered but refused the sync (an error status, a kind it does not take): the link works, the sync does
    /// not, and nothing but a change at HQ (or of the till's data) will make it; the agent tries again at
    /// <paramref name="retryAt"/>.</summary>
    public void Refused(DateTimeOffset at, string outcome, DateTimeOffset retryAt) => Trouble(LinkStatus.Failing, at, outcome, retryAt, contacted: true);

    private void Trouble(LinkStatus status, DateTimeOffset at, string outcome, DateTimeOffset retryAt, bool contacted)
    {
        lock (_gate)
        {
            _current = _current with
            {
                Status = status,
                LastContactAt = contacted ? at : _current.LastContactAt,
                TroubleSince = _current.Status == status ? _current.TroubleSince ?? at : at,
                LastOutcome = outcome,
                RetryAt = retryAt,
            };
        }
    }
}

/// <summary>The link's state. Starts at 1 so that <c>default</c> is never valid.</summary>
public enum LinkStatus
{
    /// <summary>HQ answered and took the last sync.</summary>
    Online = 1,

    /// <summary>HQ could not be reached.</summary>
    Offline,

    /// <summary>HQ answered but refused the sync; it keeps failing until HQ (or the till's data) changes.</summary>
    Failing,
}

/// <summary>The link at one moment.</summary>
/// <param name="Status">Online, offline or failing.</param>
/// <param name="LastContactAt">When HQ last answered.</param>
/// <param name="TroubleSince">When the till went offline, or its sync started failing; null while online.</param>
/// <param name="LastOutcome">A sentence about the last attempt (the reason, while failing).</param>
/// <param name="RetryAt">When the agent tries again after a failure.</param>
public sealed record LinkSnapshot(LinkStatus Status, DateTimeOffset? LastContactAt, DateTimeOffset? TroubleSince, string LastOutcome, DateTimeOffset? RetryAt)
{
    /// <summary>HQ answered and took the last sync.</summary>
    public bool Online => Status == LinkStatus.Online;
}
