using TillSync.Core.Pricing;

namespace TillSync.Core.Returns;

/// <summary>A sale as the report of its promotions knows it, for its returns (<see cref="PromotionSavingsBack.Of"/>).</summary>
/// <param name="Lines">The sale's lines, in bill order, with their line promotion's claim.</param>
/// <param name="Savings">What each promotion did on each line when the sale was recorded (<see cref="PromotionSavings.Of"/>).</param>
/// <param name="BillPromotionId">The sale's bill promotion, or null.</param>
/// <param name="BillPromotionPaise">What it took off the bill, on the lines' footing.</param>
public sealed record PromotedSale(IReadOnlyList<SoldLine> Lines, IReadOnlyList<PromotionLineSaving> Savings, long? BillPromotionId, long BillPromotionPaise);
