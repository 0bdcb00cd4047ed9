namespace TillSync.Simulation.Shop;

/// <summary>A price change at HQ.</summary>
/// <param name="At">When the manager made it.</param>
/// <param name="Sku">The product.</param>
/// <param name="PricePaise">Its new price.</param>
public sealed record PriceChange(DateTimeOffset At, string Sku, long PricePaise);
