namespace TillSync.Core.Pricing;

/// <summary>Whether a sale's markdowns are within what a role may give (docs/pricing.md): the till asks for a PIN when they
/// are not, HQ opens a <c>price_deviation</c> review item when they are not and no approval covers them. The same code on
/// both sides, so that a sale the till let through without a PIN is one HQ commits quietly.</summary>
public static class PriceJudgement
{
    /// <summary>The lines beyond <paramref name="limit"/>: an override the role may not make, or a markdown beyond its
    /// share of the line. <paramref name="allowancePaise"/> is markdown the sale may carry besides (a loyalty burn taken
    /// as a discount): when the lines' excess adds up to no more than it and no override is forbidden, none is beyond.</summary>
    public static IReadOnlyList<LineMarkdown> Beyond(IReadOnlyList<LineMarkdown> lines, RoleLimit limit, long allowancePaise = 0)
    {
        var forbidden = lines.Where(l => l.Overridden && !limit.MayOverride).ToList();
        var excessPaise = lines.Aggregate(0L, (sum, l) => checked(sum + l.ExcessPaise(limit)));
        if (forbidden.Count == 0 && excessPaise <= allowancePaise)
        {
            return [];
        }

        return [.. lines.Where(l => (l.Overridden && !limit.MayOverride) || l.ExcessPaise(limit) > 0)];
    }
}
