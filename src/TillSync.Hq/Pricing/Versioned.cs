namespace TillSync.Hq.Pricing;

/// <summary>A value HQ keeps the history of (a product's price, a role's limits, the loyalty burn value), from the pricing
/// version HQ recorded it under and the time it took effect.</summary>
/// <param name="Version">The pricing version it was recorded under.</param>
/// <param name="EffectiveAt">When HQ committed it.</param>
/// <param name="Value">The value.</param>
public sealed record Versioned<T>(long Version, DateTimeOffset EffectiveAt, T Value);
