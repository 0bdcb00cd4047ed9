using System.Globalization;
using TillSync.Contracts.Tills;
using TillSync.Core.Pricing;

namespace TillSync.Till.Sales;

/// <summary>What a staff role may mark down or override on this till, from its snapshot's role limits (docs/pricing.md),
/// judged with the rule HQ applies (<see cref="PriceJudgement"/>), so that a sale the till lets through without a PIN is
/// one HQ commits quietly.</summary>
public static class MarkdownLimits
{
    /// <summary>Why <paramref name="markdowns"/> are beyond what <paramref name="role"/> may give, as a sentence, or null
    /// when they are within it — or when the snapshot carries no limits (an HQ before them, which judges by its own).</summary>
    public static string? Beyond(TillSnapshot snapshot, IReadOnlyList<LineMarkdown> markdowns, string role)
    {
        if (snapshot.RoleLimits?.FirstOrDefault(l => l.Role == role) is not { } dto)
        {
            return null;
        }

        var limit = new RoleLimit(dto.DiscountBpMax, dto.MayOverride);
        var beyond = PriceJudgement.Beyond(markdowns, limit);
        if (beyond.Count == 0)
        {
            return null;
        }

        var lines = string.Join("; ", beyond.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"line {l.LineNo} ({l.Sku}) {l.MarkdownBp / 100m:0.##} % off{(l.Overridden ? ", price overridden" : "")}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{lines}: a {role} may give {limit.DiscountBpMax / 100m:0.##} % off{(limit.MayOverride ? "" : " and may not override a price")}");
    }
}
