using TillSync.Core;

namespace TillSync.Irp.Clock;

/// <summary>The simulator's clock: the machine's clock plus an offset that only moves forward. With
/// <c>--test-clock</c>, tests advance it (<see cref="ClockEndpoints"/>) to cross the 24-hour cancel window without
/// waiting; otherwise the offset stays zero. Timers and timestamps are the inner clock's.</summary>
public sealed class OffsetClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far ahead of the inner clock this one runs.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override long GetTimestamp() => inner.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => inner.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward by <paramref name="by"/> (never back: AckNo order and the cancel window rely on it).</summary>
    public void Advance(TimeSpan by)
    {
        Invariant.Assert(by >= TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
