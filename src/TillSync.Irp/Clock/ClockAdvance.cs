namespace TillSync.Irp.Clock;

/// <summary>Body of <c>POST /admin/clock/advance</c>.</summary>
/// <param name="Seconds">How far to move the clock forward, 0 to 31,536,000 (a year).</param>
public sealed record ClockAdvance(double Seconds)
{
    /// <summary>The largest step: a year.</summary>
    public const double SecondsMax = 365 * 24 * 3600;
}
