namespace TillSync.Simulation.Shop;

/// <summary>A sale as the till rang it up.</summary>
/// <param name="TillNumber">The till.</param>
/// <param name="PricePaiseBySku">The price of each of its products in the till's catalogue at that moment.</param>
/// <param name="Stale">True when HQ's price of one of them had changed since the till's catalogue.</param>
public sealed record BilledSale(int TillNumber, IReadOnlyDictionary<string, long> PricePaiseBySku, bool Stale);
