namespace TillSync.Contracts.Loyalty;

/// <summary>The loyalty part of the till snapshot: settings and last-known balances of recently active customers.</summary>
/// <param name="Settings">The chain's settings when the snapshot was taken.</param>
/// <param name="Customers">Customers with a movement in the last <c>SnapshotActiveDays</c>, newest first, at most
/// <c>Limits.LoyaltySnapshotCustomersMax</c>; an online till looks others up with <c>GET /api/v1/till/loyalty/{phone}</c>.</param>
public sealed record SnapshotLoyalty(LoyaltySettingsDto Settings, IReadOnlyList<LoyaltyBalance> Customers);
