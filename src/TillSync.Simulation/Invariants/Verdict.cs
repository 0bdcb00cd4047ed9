namespace TillSync.Simulation.Invariants;

/// <summary>The outcome of one invariant after a run.</summary>
/// <param name="Invariant">Its name, e.g. <c>lost</c>.</param>
/// <param name="Holds">True when it holds.</param>
/// <param name="Message">What was found: a count when it holds, the first offenders when it does not.</param>
public sealed record Verdict(string Invariant, bool Holds, string Message);
