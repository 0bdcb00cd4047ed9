namespace TillSync.Contracts.Sync;

/// <summary>One line of a sale.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Quantity in the product's unit, positive, at most 3 fraction digits (loose goods by weight).</param>
/// <param name="UnitPricePaise">Price per unit before tax, in paise (1/100 rupee).</param>
/// <param name="DiscountPaise">Discount on the line, in paise, 0 to the line's gross.</param>
/// <param name="GstRateBp">GST rate in basis points (500 = 5 %).</param>
public sealed record OrderLineDto(string Sku, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp);
