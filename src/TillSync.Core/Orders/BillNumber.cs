using System.Globalization;
using System.Text.RegularExpressions;

namespace TillSync.Core.Orders;

/// <summary>Bill numbers: <c>PREFIX/YYYY/NNNNNN</c> where YYYY is the Indian financial year (April–March, e.g. "2627"
/// for 2026-27) in which the sale was made, in IST. At most 16 characters, valid for the e-invoice <c>DocDtls.No</c>.</summary>
public static partial class BillNumber
{
    /// <summary>India Standard Time, UTC+05:30 (no daylight saving), in which the financial year is counted.</summary>
    public static readonly TimeSpan IstOffset = new(5, 30, 0);

    /// <summary>Digits of the running number; 999,999 bills per till.</summary>
    public const int NumberDigits = 6;

    /// <summary>The bill number of a till's <paramref name="number"/>-th sale.</summary>
    public static string Format(string billPrefix, DateTimeOffset createdAt, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{billPrefix}/{FinancialYear(createdAt)}/{number:D6}");

    /// <summary>The financial year of a moment, as four digits: 2026-11-28 → "2627", 2026-03-31 → "2526".</summary>
    public static string FinancialYear(DateTimeOffset at)
    {
        var ist = at.ToOffset(IstOffset);
        var startYear = ist.Month >= 4 ? ist.Year : ist.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{startYear % 100:D2}{(startYear + 1) % 100:D2}");
    }

    /// <summary>True when the bill number suits the e-invoice schema (<c>^[A-Z1-9][A-Z0-9/-]{0,15}\z</c>, uppercase).</summary>
    public static bool IsWellFormed(string? billNo) => billNo is not null && SchemaPattern().IsMatch(billNo);

    /// <summary>True for the characters a bill number may hold: uppercase ASCII letters, digits, '/' and '-'.</summary>
    public static bool IsAllowedCharacter(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '/' or '-';

    /// <summary>True when <paramref name="billNo"/> is in the till's series for the sale's financial year.</summary>
    public static bool BelongsTo(string billNo, string billPrefix, DateTimeOffset createdAt) =>
        billNo.StartsWith($"{billPrefix}/{FinancialYear(createdAt)}/", StringComparison.Ordinal)
        && billNo.Length > billPrefix.Length + 6
        && billNo.AsSpan(billPrefix.Length + 6).ContainsAnyExceptInRange('0', '9') is false;

    [GeneratedRegex("^[A-Z1-9][A-Z0-9/-]{0,15}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
