namespace TillSync.Core.Pricing;

/// <summary>A cart with its promotions applied (<see cref="PromotionPricing.Apply"/>).</summary>
/// <param name="Lines">Each input line, in order.</param>
/// <param name="BillPromotionId">The bill-value promotion the bill qualified for, or null.</param>
/// <param name="BillPromotionPaise">What it takes off, spread over the lines' <see cref="PromotedLine.BillSharePaise"/>.</param>
public sealed record PromotedCart(IReadOnlyList<PromotedLine> Lines, long? BillPromotionId, long BillPromotionPaise);
