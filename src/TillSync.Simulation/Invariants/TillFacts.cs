namespace TillSync.Simulation.Invariants;

/// <summary>One till after the drain.</summary>
/// <param name="Number">The till's number in the simulation.</param>
/// <param name="TillId">HQ's id of the till.</param>
/// <param name="Sales">Every sale it recorded, by <c>tillSeq</c>.</param>
/// <param name="QueueDepth">Sales still pending or in conflict after the drain.</param>
public sealed record TillFacts(int Number, long TillId, IReadOnlyList<TillSale> Sales, int QueueDepth);
