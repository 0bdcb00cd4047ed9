namespace TillSync.Core.Pricing;

/// <summary>A catalogue price a till may have billed a product at: the one in the snapshot it priced with, or the one in
/// force when it made the sale.</summary>
/// <param name="UnitPricePaise">Price per unit in paise, on the footing <paramref name="TaxInclusive"/> says.</param>
/// <param name="TaxInclusive">True when the price includes GST.</param>
public sealed record KnownPrice(long UnitPricePaise, bool TaxInclusive);
