namespace TillSync.Core.Pricing;

/// <summary>A cart line once the line promotions have applied.</summary>
/// <param name="UnitPricePaise">The price per unit to bill: a scheduled price's, else the input's.</param>
/// <param name="PromotionId">The line promotion that priced it (scheduled price or buy-N-get-M), or null.</param>
/// <param name="PromotionPaise">The part of the line's discount its promotion gives (buy-N-get-M's free units); 0 for a
/// scheduled price, whose saving is in the unit price.</param>
/// <param name="SavingPaise">What the customer saves on the line by its promotion, for the receipt: the free units, or
/// round(qty × catalogue price) − round(qty × scheduled price).</param>
/// <param name="BillSharePaise">The line's share of the bill promotion, part of its discount.</param>
public sealed record PromotedLine(long UnitPricePaise, long? PromotionId, long PromotionPaise, long SavingPaise, long BillSharePaise);
