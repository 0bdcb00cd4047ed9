namespace TillSync.Core.Pricing;

/// <summary>A promotion as the till applies it and HQ checks it (docs/pricing.md, "Promotions"). All money in paise on the
/// footing of the lines it prices (inclusive for a shop's shelf prices).</summary>
/// <param name="Id">HQ's promotion id, above 0.</param>
/// <param name="Name">What the receipt prints, 1 to 80 characters.</param>
/// <param name="Kind">What it does.</param>
/// <param name="ValidFrom">The first instant it is in force.</param>
/// <param name="ValidTo">The first instant it is no longer in force (an end early brings it forward).</param>
/// <param name="Skus">The products it applies to: one or more for a scheduled price and buy-N-get-M, none for a bill-value
/// discount.</param>
/// <param name="PricePaise">A scheduled price's price per unit; 0 for the other kinds.</param>
/// <param name="BuyQty">Buy-N-get-M's N, 1 or more; 0 for the other kinds.</param>
/// <param name="GetQty">Buy-N-get-M's M, 1 or more; 0 for the other kinds.</param>
/// <param name="ThresholdPaise">A bill-value discount's least bill; 0 for the other kinds.</param>
/// <param name="OffPaise">A bill-value discount's amount off, or 0 when it takes a percentage.</param>
/// <param name="OffBp">A bill-value discount's percentage off in basis points (1 to 10,000), or 0 when it takes an amount.</param>
/// <param name="CapPaise">The most a percentage bill-value discount takes off, or null for no cap.</param>
public sealed record Promotion(
    long Id, string Name, PromotionKind Kind, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, IReadOnlyList<string> Skus,
    long PricePaise = 0, int BuyQty = 0, int GetQty = 0, long ThresholdPaise = 0, long OffPaise = 0, int OffBp = 0, long? CapPaise = null)
{
    /// <summary>True when the promotion is in force at <paramref name="at"/>: from <see cref="ValidFrom"/>, before
    /// <see cref="ValidTo"/>.</summary>
    public bool InForceAt(DateTimeOffset at) => ValidFrom <= at && at < ValidTo;

    /// <summary>What a bill-value discount takes off a bill of <paramref name="basisPaise"/>: 0 below the threshold; the
    /// amount, or the percentage rounded down and capped, never more than the bill.</summary>
    public long BillOffPaise(long basisPaise)
    {
        if (Kind != PromotionKind.BillValue || basisPaise < ThresholdPaise || basisPaise <= 0)
        {
            return 0;
        }

        var offPaise = OffBp > 0 ? (long)decimal.Floor(basisPaise * (decimal)OffBp / RoleLimit.DiscountBpMaxLimit) : OffPaise;
        return Math.Min(basisPaise, CapPaise is { } cap ? Math.Min(cap, offPaise) : offPaise);
    }
}
