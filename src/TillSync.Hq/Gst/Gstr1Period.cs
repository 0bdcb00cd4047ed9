using System.Globalization;
using TillSync.Hq.Accounting;

namespace TillSync.Hq.Gst;

/// <summary>A GSTR-1 filing period: one calendar month, written <c>MMyyyy</c> as the portal writes <c>fp</c>.</summary>
/// <param name="First">The month's first day (IST).</param>
public sealed record Gstr1Period(DateOnly First)
{
    /// <summary>GST began on 1 July 2017; no return is filed for a month before it.</summary>
    public static readonly DateOnly GstBegan = new(2017, 7, 1);

    /// <summary>The period <paramref name="text"/> names, or an error sentence.</summary>
    public static (Gstr1Period? Period, string? Problem) Parse(string? text)
    {
        if (text is not { Length: 6 } || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text.AsSpan(0, 2), CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(2), CultureInfo.InvariantCulture, out var year)
            || month is < 1 or > 12 || year < 1)
        {
            return (null, $"period '{Clip(text)}' is not a month written MMYYYY, e.g. 112026 for November 2026.");
        }

        var first = new DateOnly(year, month, 1);
        return first < GstBegan
            ? (null, $"period {text} is before GST began (July 2017).")
            : (new Gstr1Period(first), null);
    }

    /// <summary>The month's last day.</summary>
    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    /// <summary>The portal's <c>fp</c>: <c>MMyyyy</c>.</summary>
    public string Fp => First.ToString("MMyyyy", CultureInfo.InvariantCulture);

    /// <summary>The month as the books' period of one store.</summary>
    public LedgerPeriod Books(long storeId) => new(First, Last, storeId);

    private static string Clip(string? text) => text is null ? "" : text.Length > 20 ? text[..20] : text;
}
