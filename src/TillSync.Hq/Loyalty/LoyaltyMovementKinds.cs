namespace TillSync.Hq.Loyalty;

/// <summary>The kinds of <c>loyalty_movements</c>.</summary>
public static class LoyaltyMovementKinds
{
    /// <summary>Points a sale earned (positive).</summary>
    public const string Earn = "earn";

    /// <summary>Points a sale redeemed (negative).</summary>
    public const string Burn = "burn";

    /// <summary>A manager's correction, e.g. a written-off overdraft (either sign).</summary>
    public const string Adjustment = "adjustment";
}
