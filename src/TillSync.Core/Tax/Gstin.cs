namespace TillSync.Core.Tax;

/// <summary>GSTIN rules: 15 characters, two-digit state code, PAN, entity number, 'Z', and a base-36 check character.</summary>
public static class Gstin
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
}
