namespace TillSync.Contracts.Loyalty;

/// <summary>The chain's loyalty settings (<c>GET/PUT /api/v1/loyalty/settings</c>; docs/loyalty.md).</summary>
/// <param name="EarnPointsPer100Rupees">Points earned per ₹100 of bill total, rounded down; 0 to 10,000; default 1.</param>
/// <param name="BurnValuePaisePerPoint">What one point is worth when redeemed, in paise; 1 to 10,000; default 25.</param>
/// <param name="BurnGstTreatment">One of <see cref="BurnGstTreatments"/>: <c>tender</c> (default) or <c>discount</c>.</param>
/// <param name="OfflineBurnPaiseMax">Largest burn value a till may take without a redemption token, in paise; 0 to
/// <c>Limits.LoyaltyOfflineBurnPaiseMax</c>; default 20,000 (₹200).</param>
/// <param name="CodeTtlSeconds">How long a one-time code is valid; 1 to 3,600; default 300.</param>
/// <param name="CodeAttemptsMax">Wrong codes after which a code request is locked; 1 to 10; default 5.</param>
/// <param name="CodeRequestsPerPhoneHourMax">Code requests per customer phone per rolling hour; 1 to 100; default 5.</param>
/// <param name="CodeRequestsPerTillHourMax">Code requests per till per rolling hour; 1 to 1,000; default 60.</param>
/// <param name="TokenTtlSeconds">How long a redemption token may be used on a sale; 60 to 86,400; default 900.</param>
/// <param name="SnapshotActiveDays">The till snapshot carries balances of customers active in this many days; 1 to 365; default 90.</param>
public sealed record LoyaltySettingsDto(
    int EarnPointsPer100Rupees, long BurnValuePaisePerPoint, string BurnGstTreatment, long OfflineBurnPaiseMax, int CodeTtlSeconds,
    int CodeAttemptsMax, int CodeRequestsPerPhoneHourMax, int CodeRequestsPerTillHourMax, int TokenTtlSeconds, int SnapshotActiveDays);

/// <summary>How GST treats a loyalty burn.</summary>
public static class BurnGstTreatments
{
    /// <summary>The burn is a payment (method <c>loyalty</c>): tax on the full bill.</summary>
    public const string Tender = "tender";

    /// <summary>The burn is a discount on the lines: it reduces the taxable value; the order carries no loyalty payment.</summary>
    public const string Discount = "discount";

    /// <summary>Both.</summary>
    public static IReadOnlyList<string> All { get; } = [Tender, Discount];
}
