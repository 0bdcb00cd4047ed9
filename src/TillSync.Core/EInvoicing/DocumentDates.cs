using System.Globalization;

namespace TillSync.Core.EInvoicing;

/// <summary>Dates as the e-invoice schema writes them: <c>dd/MM/yyyy</c>.</summary>
public static class DocumentDates
{
    /// <summary>The schema's date format.</summary>
    public const string Format = "dd/MM/yyyy";

    /// <summary>The text of a date, e.g. 28/11/2026.</summary>
    public static string Text(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The date <paramref name="text"/> names in <c>dd/MM/yyyy</c>, or false.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
