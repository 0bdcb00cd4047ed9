using System.Text.RegularExpressions;

namespace TillSync.Core.Tax;

/// <summary>GSTIN rules: 15 characters, two-digit state code, PAN, entity number, 'Z', and a base-36 check character.</summary>
public static partial class Gstin
{
    private const string CodePoints = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Length of every GSTIN.</summary>
    public const int Length = 15;

    /// <summary>True when <paramref name="gstin"/> is well formed and its check character is right.</summary>
    public static bool IsValid(string? gstin)
    {
        if (gstin is null || gstin.Length != Length || !StateCodes.IsValid(gstin[..2]))
        {
            return false;
        }

        foreach (var c in gstin)
        {
            if (CodePoints.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return gstin[14] == CheckCharacter(gstin);
    }

    /// <summary>True when <paramref name="gstin"/> passes <paramref name="rule"/>: <see cref="IsValid(string?)"/>, or for
    /// <see cref="GstinRule.Sandbox"/> the e-invoice schema's pattern (<see cref="FitsSchema"/>) with a known state code,
    /// which the place of supply is taken from.</summary>
    public static bool IsValid(string? gstin, GstinRule rule) =>
        rule == GstinRule.Sandbox ? FitsSchema(gstin) && StateCodes.IsValid(gstin![..2]) : IsValid(gstin);

    /// <summary>True when <paramref name="gstin"/> fits the e-invoice schema's <c>Gstin</c> pattern (two digits, then 13
    /// digits or capitals), the only rule NIC's sandbox holds its test GSTINs to; the check character is not verified.</summary>
    public static bool FitsSchema(string? gstin) => gstin is not null && SchemaPattern().IsMatch(gstin);

    /// <summary>The seller's or buyer's state: the GSTIN's first two digits.</summary>
    public static string StateCode(string gstin) => gstin[..2];

    /// <summary>The GSTN check character over the first 14 characters (Luhn mod 36).</summary>
    public static char CheckCharacter(string gstin)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            var product = CodePoints.IndexOf(gstin[i], StringComparison.Ordinal) * (i % 2 == 0 ? 1 : 2);
            sum += (product / 36) + (product % 36);
        }

        return CodePoints[(36 - (sum % 36)) % 36];
    }

    [GeneratedRegex("^[0-9]{2}[0-9A-Z]{13}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
