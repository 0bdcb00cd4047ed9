namespace TillSync.Core.Money;

/// <summary>Rounding of money to whole paise and whole rupees. Money is <c>long</c> paise everywhere; rounding is
/// half away from zero, as the NIC e-invoice calculation rules require.</summary>
public static class Paise
{
    /// <summary>Paise in one rupee.</summary>
    public const long PerRupee = 100;

    /// <summary>Rounds an exact decimal amount of paise to a whole paisa, half away from zero. Throws on overflow.</summary>
    public static long Round(decimal paise) => checked((long)Math.Round(paise, 0, MidpointRounding.AwayFromZero));

    /// <summary>Rounds paise to the nearest rupee, half away from zero.</summary>
    public static long RoundToRupee(long paise) =>
        checked((long)Math.Round(paise / (decimal)PerRupee, 0, MidpointRounding.AwayFromZero) * PerRupee);

    /// <summary>Formats paise as rupees with two decimals, e.g. 315000 → "3150.00".</summary>
    public static string ToRupeeString(long paise) =>
        (paise / (decimal)PerRupee).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
