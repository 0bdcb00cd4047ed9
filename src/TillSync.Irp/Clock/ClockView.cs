namespace TillSync.Irp.Clock;

/// <summary>What <c>/admin/clock</c> answers.</summary>
/// <param name="UtcNow">The simulator's time.</param>
/// <param name="OffsetSeconds">How far ahead of the machine's clock it runs.</param>
public sealed record ClockView(DateTimeOffset UtcNow, double OffsetSeconds);
