using System.Text.RegularExpressions;

namespace TillSync.Core.EInvoicing;

/// <summary>Document numbers as the e-invoice schema allows them (<c>DocDtls.No</c>): 1 to 16 characters, letters,
/// digits, '/' and '-', not starting with 0, '/' or '-'.</summary>
public static partial class DocumentNumbers
{
    /// <summary>True when <paramref name="number"/> fits <c>DocDtls.No</c>.</summary>
    public static bool IsWellFormed(string? number) => number is not null && SchemaPattern().IsMatch(number);

    [GeneratedRegex("^[a-zA-Z1-9][a-zA-Z0-9/-]{0,15}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
