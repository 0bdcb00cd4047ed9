namespace TillSync.Contracts.Sync;

/// <summary>Loyalty points earned and burned on a sale.</summary>
/// <param name="EarnPoints">Points earned, 0 or more.</param>
/// <param name="BurnPoints">Points redeemed, 0 or more.</param>
/// <param name="RedemptionToken">Single-use token from an online redemption; null for offline burns.</param>
public sealed record LoyaltyDto(long EarnPoints, long BurnPoints, string? RedemptionToken = null);
