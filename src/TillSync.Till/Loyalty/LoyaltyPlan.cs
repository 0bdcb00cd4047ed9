using System.Globalization;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Core.Money;

namespace TillSync.Till.Loyalty;

/// <summary>The loyalty part of a sale, decided on the till from the snapshot's settings (docs/loyalty.md): every sale to a
/// customer's phone earns points per whole ₹100; a burn is a <c>loyalty</c> tender, allowed offline up to the offline limit
/// and the last-known balance, and above the limit only with a redemption token HQ issued for exactly these points.</summary>
/// <param name="Loyalty">The order's loyalty block, or null when the sale has no customer phone.</param>
/// <param name="BurnPaise">The loyalty tender, 0 when nothing is burned.</param>
public sealed record LoyaltyPlan(LoyaltyDto? Loyalty, long BurnPaise)
{
    /// <summary>How a refusal for a burn beyond the balance this till knows ends: "The customer has N points as far as this
    /// till knows."</summary>
    public const string BalanceShort = "points as far as this till knows";

    /// <summary>The plan, or a sentence for the cashier.</summary>
    /// <param name="settings">The snapshot's loyalty settings; null before HQ sent any.</param>
    /// <param name="phone">The customer's phone, cleaned; null for none.</param>
    /// <param name="totalPaise">The bill total.</param>
    /// <param name="burnPoints">Points the cashier wants to redeem.</param>
    /// <param name="redemptionToken">The token from an online code check, or null.</param>
    /// <param name="knownBalance">The customer's last-known balance, or null when the till has none.</param>
    public static (LoyaltyPlan? Plan, string? Problem) For(
        LoyaltySettingsDto? settings, string? phone, long totalPaise, long burnPoints, string? redemptionToken, long? knownBalance)
    {
        if (phone is null || settings is null)
        {
            return burnPoints > 0 || redemptionToken is not null
                ? (null, phone is null ? "Attach the customer's phone to redeem points." : "This till has no loyalty settings from HQ yet.")
                : (new LoyaltyPlan(null, 0), null);
        }

        var earnPoints = totalPaise / 10_000 * settings.EarnPointsPer100Rupees;
        if (burnPoints <= 0)
        {
            return (new LoyaltyPlan(new LoyaltyDto(earnPoints, 0), 0), null);
        }

        if (settings.BurnGstTreatment != BurnGstTreatments.Tender)
        {
            return (null, "HQ takes loyalty burns as a discount; this till redeems points only as a tender. Ask the manager.");
        }

        var burnPaise = checked(burnPoints * settings.BurnValuePaisePerPoint);
        if (burnPaise >= totalPaise)
        {
            return (null, $"{burnPoints} points are worth ₹{Paise.ToRupeeString(burnPaise)}; redeem less than the bill of ₹{Paise.ToRupeeString(totalPaise)}.");
        }

        if (redemptionToken is null && burnPaise > settings.OfflineBurnPaiseMax)
        {
            return (null, $"Redeeming more than ₹{Paise.ToRupeeString(settings.OfflineBurnPaiseMax)} needs a code sent to the customer's phone.");
        }

        if (redemptionToken is null && (knownBalance ?? 0) < burnPoints)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"The customer has {knownBalance ?? 0} {BalanceShort}."));
        }

        return (new LoyaltyPlan(new LoyaltyDto(earnPoints, burnPoints, redemptionToken), burnPaise), null);
    }
}
