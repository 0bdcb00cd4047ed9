namespace TillSync.Simulation.Invariants;

/// <summary>A review item at HQ.</summary>
/// <param name="Kind"><c>stock_short</c> or <c>rejected_order</c>.</param>
/// <param name="ClientOrderId">The order it is about.</param>
/// <param name="Sku">The SKU that fell short, for a shortfall.</param>
public sealed record HqReview(string Kind, Guid ClientOrderId, string? Sku);
