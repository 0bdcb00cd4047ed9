namespace TillSync.Contracts.Loyalty;

/// <summary>A customer's balance as HQ knew it at <paramref name="AsOf"/>.</summary>
/// <param name="Phone">The customer's 10-digit mobile number.</param>
/// <param name="BalancePoints">Σ of the customer's movements; negative after an overdraft.</param>
/// <param name="AsOf">When HQ read it.</param>
public sealed record LoyaltyBalance(string Phone, long BalancePoints, DateTimeOffset AsOf);
