using TillSync.Contracts.Pricing;

namespace TillSync.Hq.Promotions;

/// <summary>A <c>promotions</c> row: the promotion as the wire shows it, and the pricing versions its create and its end
/// raised (ADR 0011), by which HQ judges what a till knew of it.</summary>
/// <param name="Promotion">The promotion.</param>
/// <param name="CreatedVersion">The pricing version its create raised.</param>
/// <param name="CreatedAt">When HQ committed the create.</param>
/// <param name="EndedVersion">The pricing version its end raised, or null while it has not been ended early.</param>
public sealed record PromotionRow(PromotionDto Promotion, long CreatedVersion, DateTimeOffset CreatedAt, long? EndedVersion);
