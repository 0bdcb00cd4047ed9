namespace TillSync.Contracts.Pricing;

/// <summary>What a staff role may do to a catalogue price at the till on its own (docs/pricing.md): beyond it the till asks
/// a supervisor's or manager's PIN, and HQ opens a <c>price_deviation</c> review item for a sale that went beyond it
/// without an approval that covers it. Set at HQ (<c>PUT /api/v1/role-limits</c>), carried in the till's snapshot.</summary>
/// <param name="Role"><c>cashier</c>, <c>supervisor</c> or <c>manager</c>.</param>
/// <param name="DiscountBpMax">The most a line may be marked down below the catalogue price the till knew, in basis points
/// of the line's list amount (1000 = 10 %), 0 to 10,000; line and bill discounts and a lower override all count.</param>
/// <param name="MayOverride">True when the role may bill a price other than the catalogue's (an override).</param>
public sealed record RoleLimitDto(string Role, int DiscountBpMax, bool MayOverride);
