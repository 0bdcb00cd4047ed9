namespace TillSync.Simulation.Invariants;

/// <summary>A redemption token as HQ stored it.</summary>
/// <param name="TokenHash">SHA-256 of the token (HQ never stores it in clear).</param>
/// <param name="Phone">The customer it was issued for.</param>
/// <param name="TillId">The till it was issued to.</param>
/// <param name="Points">The points it allows a sale to burn.</param>
/// <param name="ConsumedBy">The order that used it, or null.</param>
public sealed record LoyaltyToken(string TokenHash, string Phone, long TillId, long Points, Guid? ConsumedBy);
