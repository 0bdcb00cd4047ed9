using System.Text.Json.Serialization;

namespace TillSync.Contracts.Sync;

/// <summary>One line of a sale.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Quantity in the product's unit, positive, at most 3 fraction digits (loose goods by weight).</param>
/// <param name="UnitPricePaise">Price per unit in paise (1/100 rupee): before tax, or including GST when
/// <paramref name="TaxInclusive"/>.</param>
/// <param name="DiscountPaise">Discount on the line, in paise, 0 to the line's gross, on the same footing as the price.</param>
/// <param name="GstRateBp">GST rate in basis points (500 = 5 %).</param>
/// <param name="TaxInclusive">True when price and discount include GST (docs/money.md); absent (false) from a till
/// before inclusive prices, whose lines keep their exclusive meaning.</param>
/// <param name="MrpPaise">The product's MRP per unit, inclusive of every tax, as the till knew it; absent when the product
/// has none. A line above it is rejected (<c>above_mrp</c>).</param>
/// <param name="PromotionId">The promotion that priced the line — a scheduled price or buy-N-get-M (docs/pricing.md,
/// "Promotions") — or null; HQ checks it was in force for the sale.</param>
/// <param name="PromotionPaise">The part of <paramref name="DiscountPaise"/> that promotion gives (buy-N-get-M's free
/// units), 0 to the discount; 0 for a scheduled price, whose saving is in the unit price. Sent with <paramref name="PromotionId"/>.</param>
public sealed record OrderLineDto(
    string Sku, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TaxInclusive = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? MrpPaise = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PromotionId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? PromotionPaise = null);
