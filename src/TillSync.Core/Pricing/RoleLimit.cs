namespace TillSync.Core.Pricing;

/// <summary>What a staff role may do to a catalogue price on its own (docs/pricing.md).</summary>
/// <param name="DiscountBpMax">The most a line may be marked down below the price the till knew, in basis points of the
/// line's list amount, 0 to 10,000.</param>
/// <param name="MayOverride">True when the role may bill a unit price other than the catalogue's.</param>
public sealed record RoleLimit(int DiscountBpMax, bool MayOverride)
{
    /// <summary>The whole line: the largest <see cref="DiscountBpMax"/>.</summary>
    public const int DiscountBpMaxLimit = 10_000;

    /// <summary>The markdown the role may give on a line listed at <paramref name="listPaise"/>: the limit's share of it,
    /// rounded down to the paisa, so that a markdown at the limit is never beyond it.</summary>
    public long AllowancePaise(long listPaise) =>
        checked((long)decimal.Floor(listPaise * (decimal)DiscountBpMax / DiscountBpMaxLimit));
}
