namespace TillSync.Contracts.Loyalty;

/// <summary>The cashier enters the code the customer received (<c>POST /api/v1/loyalty/redemptions</c>).</summary>
/// <param name="RequestId">From <see cref="LoyaltyCodeView.RequestId"/>.</param>
/// <param name="Code">The 6-digit code.</param>
public sealed record RedemptionRequest(Guid RequestId, string Code);
