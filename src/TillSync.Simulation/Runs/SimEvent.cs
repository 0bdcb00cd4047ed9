namespace TillSync.Simulation.Runs;

/// <summary>One scheduled event.</summary>
/// <param name="At">When it happens on the simulated clock.</param>
/// <param name="Kind">What it is, so that the drain can keep what is still in flight and drop the rest.</param>
/// <param name="Run">What it does.</param>
public sealed record SimEvent(DateTimeOffset At, SimEventKind Kind, Func<Task> Run);
