namespace TillSync.Simulation.Invariants;

/// <summary>A review item at HQ.</summary>
/// <param name="Kind">Its kind, e.g. <c>stock_short</c>, <c>over_return</c>.</param>
/// <param name="ClientOrderId">The document it is about (an over-return's original sale, a voucher's issuing return).</param>
/// <param name="Sku">The SKU that fell short, for a shortfall.</param>
/// <param name="Status"><c>open</c> or <c>resolved</c>.</param>
/// <param name="LineNo">The original sale's line, for an over-return.</param>
/// <param name="Detail">What it says to the manager.</param>
public sealed record HqReview(string Kind, Guid ClientOrderId, string? Sku, string Status, int? LineNo, string Detail);
