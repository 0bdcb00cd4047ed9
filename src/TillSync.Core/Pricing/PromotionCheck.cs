namespace TillSync.Core.Pricing;

/// <summary>HQ's check of the promotions a sale claims (<see cref="PromotionClaims.Check"/>).</summary>
/// <param name="Problems">Each claim that does not hold, as a sentence naming the promotion; empty when all hold.</param>
/// <param name="PromotionPaiseByLine">Per line, the part of its discount that claims which hold give (its free units and its
/// share of the bill promotion): not the cashier's markdown.</param>
/// <param name="PromotionPriceByLine">Per line, the scheduled price a claim that holds allows, or null: a price the till
/// knew.</param>
public sealed record PromotionCheck(IReadOnlyList<string> Problems, long[] PromotionPaiseByLine, long?[] PromotionPriceByLine);
