namespace TillSync.Hq.Loyalty;

/// <summary>The loyalty settings a burn is judged by, as a till may have known them (docs/loyalty.md, docs/pricing.md).</summary>
/// <param name="BurnValuePaisePerPoint">What one point bought, in paise.</param>
/// <param name="OfflineBurnPaiseMax">The most a burn could be worth without a redemption token.</param>
public sealed record BurnTerms(long BurnValuePaisePerPoint, long OfflineBurnPaiseMax);
