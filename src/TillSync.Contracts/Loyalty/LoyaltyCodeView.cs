namespace TillSync.Contracts.Loyalty;

/// <summary>A code HQ has queued for the customer's phone; the code itself is never in the answer.</summary>
/// <param name="RequestId">Names the request when the cashier enters the code.</param>
/// <param name="Phone">The customer.</param>
/// <param name="Points">Points to redeem.</param>
/// <param name="ValuePaise">Their value at the current setting, in paise.</param>
/// <param name="ExpiresAt">The code is refused after this moment (HQ's clock).</param>
/// <param name="AttemptsMax">Wrong codes after which the request is locked.</param>
public sealed record LoyaltyCodeView(Guid RequestId, string Phone, long Points, long ValuePaise, DateTimeOffset ExpiresAt, int AttemptsMax);
