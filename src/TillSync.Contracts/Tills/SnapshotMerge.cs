using TillSync.Contracts.Loyalty;

namespace TillSync.Contracts.Tills;

/// <summary>A snapshot with HQ's changes applied (docs/sync.md, "The catalogue by delta"): what a whole snapshot at the
/// changes' version gives, but for customers whose balance did not move, who stay until the next whole snapshot (their
/// balance is still HQ's).</summary>
public static class SnapshotMerge
{
    /// <summary><paramref name="held"/> with <paramref name="changes"/> applied; <paramref name="changes"/> must be a delta
    /// (no <see cref="SnapshotChanges.Whole"/>) from the version <paramref name="held"/> is.</summary>
    public static TillSnapshot Apply(TillSnapshot held, SnapshotChanges changes)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Whole is not null || held.Version != changes.Since)
        {
            throw new ArgumentException($"Changes from version {changes.Since} do not apply to a snapshot of version {held.Version}.", nameof(changes));
        }

        var changed = changes.Products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var onHand = changes.OnHand.ToDictionary(o => o.Sku, o => o.OnHand, StringComparer.Ordinal);
        var known = held.Products.Select(p => p.Sku).ToHashSet(StringComparer.Ordinal);
        List<SnapshotProduct> products =
        [
            .. held.Products.Select(p => changed.GetValueOrDefault(p.Sku) ?? (onHand.TryGetValue(p.Sku, out var qty) ? p with { OnHand = qty } : p)),
            .. changes.Products.Where(p => !known.Contains(p.Sku)).OrderBy(p => p.Sku, StringComparer.Ordinal),
        ];
        var settings = changes.Settings;
        return held with
        {
            TillName = settings?.TillName ?? held.TillName,
            BillPrefix = settings?.BillPrefix ?? held.BillPrefix,
            Store = settings?.Store ?? held.Store,
            TillKeys = settings?.TillKeys ?? held.TillKeys,
            Staff = settings?.Staff ?? held.Staff,
            RoleLimits = settings?.RoleLimits ?? held.RoleLimits,
            // Null is a rule too (the checked one), so settings sent whole replace it even with null.
            GstinRule = settings is null ? held.GstinRule : settings.GstinRule,
            HqKey = settings is null ? held.HqKey : settings.HqKey,
            Promotions = settings is null ? held.Promotions : settings.Promotions,
            Statement = changes.Statement ?? held.Statement,
            TillHeads = changes.TillHeads ?? held.TillHeads,
            Loyalty = Loyalty(held.Loyalty, settings?.LoyaltySettings, changes.LoyaltyBalances),
            NextSeq = changes.NextSeq,
            TakenAt = changes.TakenAt,
            PricingVersion = changes.PricingVersion,
            StockVersion = changes.StockVersion,
            Version = changes.Version,
            Products = products,
        };
    }

    // Moved balances first, as HQ orders them (the most recently active first), then the rest as they were.
    private static SnapshotLoyalty? Loyalty(SnapshotLoyalty? held, LoyaltySettingsDto? settings, IReadOnlyList<LoyaltyBalance> moved)
    {
        if (held is null)
        {
            return settings is null ? null : new SnapshotLoyalty(settings, moved);
        }

        var movedPhones = moved.Select(b => b.Phone).ToHashSet(StringComparer.Ordinal);
        return new SnapshotLoyalty(settings ?? held.Settings, [.. moved, .. held.Customers.Where(c => !movedPhones.Contains(c.Phone))]);
    }
}
