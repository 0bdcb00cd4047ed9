namespace TillSync.Core.Returns;

/// <summary>One line of a sale as a return of it needs it: what was sold, at what price, and what its promotion claimed
/// (docs/returns.md, "Promotions").</summary>
/// <param name="Qty">Quantity sold, above 0.</param>
/// <param name="UnitPricePaise">Unit price billed, on the line's footing (<paramref name="TaxInclusive"/>).</param>
/// <param name="DiscountPaise">The line's whole discount: free units, its share of a bill promotion and the cashier's.</param>
/// <param name="GstRateBp">GST rate in basis points.</param>
/// <param name="TaxInclusive">True when the price included GST.</param>
/// <param name="PromotionId">The line promotion it claimed, or null.</param>
/// <param name="PromotionPaise">The part of <paramref name="DiscountPaise"/> its promotion gave (buy-N-get-M's free
/// units); 0 otherwise.</param>
public sealed record SoldLine(
    decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp, bool TaxInclusive = false, long? PromotionId = null, long PromotionPaise = 0);
