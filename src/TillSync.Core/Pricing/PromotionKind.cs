namespace TillSync.Core.Pricing;

/// <summary>What a promotion does (docs/pricing.md, "Promotions"); its wire and stored names are mapped in one place,
/// <c>PromotionKinds</c> in Contracts.</summary>
public enum PromotionKind
{
    /// <summary>A product's promotional price per unit, from–to.</summary>
    ScheduledPrice = 1,

    /// <summary>Buy N units of a product (or of a set of products) and get M of them free, the cheapest units first.</summary>
    BuyGet,

    /// <summary>An amount or a percentage off a bill of a threshold or more, optionally capped.</summary>
    BillValue,
}
