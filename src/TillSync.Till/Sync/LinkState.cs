namespace TillSync.Till.Sync;

/// <summary>What the till knows about its link to HQ, for the status bar and <c>tillsync till status</c>. Kept in memory:
/// after a restart the till is "offline" until its first contact.</summary>
public sealed class LinkState
{
    private readonly Lock _gate = new();
    private LinkSnapshot _current = new(false, null, null, "not yet in contact with HQ", null);

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

    /// <summary>HQ answered.</summary>
    public void Contacted(DateTimeOffset at, string outcome)
    {
        lock (_gate)
        {
            _current = new LinkSnapshot(true, at, null, outcome, null);
        }
    }

    /// <summary>HQ could not be reached, or refused; the next attempt is at <paramref name="retryAt"/>.</summary>
    public void Failed(DateTimeOffset at, string outcome, DateTimeOffset retryAt)
    {
        lock (_gate)
        {
            _current = _current with
            {
                Online = false,
                OfflineSince = _current.OfflineSince ?? at,
                LastOutcome = outcome,
                RetryAt = retryAt,
            };
        }
    }
}

/// <summary>The link at one moment.</summary>
/// <param name="Online">The last attempt reached HQ.</param>
/// <param name="LastContactAt">When HQ last answered.</param>
/// <param name="OfflineSince">When contact was lost; null while online.</param>
/// <param name="LastOutcome">A sentence about the last attempt.</param>
/// <param name="RetryAt">When the agent tries again after a failure.</param>
public sealed record LinkSnapshot(bool Online, DateTimeOffset? LastContactAt, DateTimeOffset? OfflineSince, string LastOutcome, DateTimeOffset? RetryAt);
