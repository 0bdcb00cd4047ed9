namespace TillSync.Simulation.Runs;

/// <summary>How far a run has got, for a progress bar.</summary>
/// <param name="Phase"><c>selling</c> while sales and faults go on, then <c>draining</c>, then <c>checking</c>.</param>
/// <param name="OrdersRecorded">Sales recorded so far.</param>
/// <param name="OrdersPlanned">Sales the run will record.</param>
/// <param name="SimulatedElapsed">Simulated time since the run began.</param>
public sealed record SimulationProgress(string Phase, int OrdersRecorded, int OrdersPlanned, TimeSpan SimulatedElapsed);
