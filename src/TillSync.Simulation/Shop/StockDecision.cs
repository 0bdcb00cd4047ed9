namespace TillSync.Simulation.Shop;

/// <summary>A manager's decision on a shortfall that values stock in the books.</summary>
/// <param name="Sku">The short SKU.</param>
/// <param name="Action"><c>transfer_in</c> or <c>credit_note</c>.</param>
/// <param name="Qty">How many units it decided for.</param>
public sealed record StockDecision(string Sku, string Action, decimal Qty);
