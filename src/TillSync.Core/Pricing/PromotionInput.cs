namespace TillSync.Core.Pricing;

/// <summary>A cart line as promotions see it, before any of them applies.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Quantity; only whole units count towards buy-N-get-M.</param>
/// <param name="UnitPricePaise">The catalogue's price per unit, or the cashier's changed price when <paramref name="Overridden"/>.</param>
/// <param name="MrpPaise">The MRP per unit, or null; a scheduled price above it is not applied.</param>
/// <param name="Overridden">True when the cashier changed the price: no line promotion applies to the line.</param>
public sealed record PromotionInput(string Sku, decimal Qty, long UnitPricePaise, long? MrpPaise = null, bool Overridden = false);
