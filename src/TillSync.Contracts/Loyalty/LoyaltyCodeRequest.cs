namespace TillSync.Contracts.Loyalty;

/// <summary>A till asks HQ to send a one-time code to the customer (<c>POST /api/v1/loyalty/codes</c>).</summary>
/// <param name="Phone">The customer's 10-digit mobile number.</param>
/// <param name="Points">Points to redeem, above 0 and at most the customer's balance.</param>
public sealed record LoyaltyCodeRequest(string Phone, long Points);
