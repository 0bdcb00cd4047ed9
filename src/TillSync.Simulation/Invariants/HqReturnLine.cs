namespace TillSync.Simulation.Invariants;

/// <summary>One line of a committed return at HQ.</summary>
/// <param name="DocumentId">The return.</param>
/// <param name="OriginalOrderId">The sale it returns goods of.</param>
/// <param name="OriginalLineNo">The sale's line, from 1.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="QtyMilli">Quantity taken back, in thousandths.</param>
/// <param name="Condition"><c>restock</c> or <c>damaged</c>.</param>
public sealed record HqReturnLine(Guid DocumentId, Guid OriginalOrderId, int OriginalLineNo, string Sku, long QtyMilli, string Condition);
