namespace TillSync.Hq.Access;

/// <summary>How long a back-office session lasts (docs/security.md, "Back-office sessions").</summary>
/// <param name="IdleTimeout">A session unused this long has ended; HQ notes a use at most once per
/// <see cref="ManagerSessions.TouchInterval"/>, so it may end up to that much sooner.</param>
/// <param name="Lifetime">A session ends this long after its sign-in however much it is used.</param>
public sealed record ManagerSessionOptions(TimeSpan IdleTimeout, TimeSpan Lifetime)
{
    /// <summary>Idle timeout unless <c>--session-idle-minutes</c> says otherwise: a lunch break, not a night.</summary>
    public static readonly TimeSpan IdleTimeoutDefault = TimeSpan.FromHours(1);

    /// <summary>Absolute lifetime unless <c>--session-hours</c> says otherwise: one long working day.</summary>
    public static readonly TimeSpan LifetimeDefault = TimeSpan.FromHours(12);

    /// <summary>The defaults.</summary>
    public static ManagerSessionOptions Default { get; } = new(IdleTimeoutDefault, LifetimeDefault);

    /// <summary>Throws unless both are positive and the idle timeout is no longer than the lifetime.</summary>
    public ManagerSessionOptions Checked()
    {
        if (IdleTimeout <= TimeSpan.Zero || Lifetime <= TimeSpan.Zero || IdleTimeout > Lifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), $"A session's idle timeout ({IdleTimeout}) must be above zero and at most its lifetime ({Lifetime}).");
        }

        return this;
    }
}
