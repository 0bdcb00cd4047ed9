namespace TillSync.Simulation.Invariants;

/// <summary>An e-way bill the portal generated (its <c>eway_bills</c> table, with its cancellation if any).</summary>
/// <param name="EwbNo">Its 12-digit number.</param>
/// <param name="Irn">The IRN of the invoice it was raised for.</param>
/// <param name="GeneratedAt">When the portal generated it (simulated time).</param>
/// <param name="CancelledAt">When the portal cancelled it, or null while it is active.</param>
public sealed record PortalEwayBill(long EwbNo, string Irn, DateTimeOffset GeneratedAt, DateTimeOffset? CancelledAt);
