using System.Globalization;

namespace TillSync.Core.EInvoicing;

/// <summary>Dates as the e-invoice schema writes them: <c>dd/MM/yyyy</c>.</summary>
public static class DocumentDates
{
    /// <summary>The schema's date format.</summary>
    public const string Format = "dd/MM/yyyy";

    /// <summary>The text of a date, e.g. 28/11/2026.</summary>
    public static string Text(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The document date of a bill or credit note made at <paramref name="createdAt"/>: its date in India Standard
    /// Time (a bill made at 00:30 IST belongs to that day, though it is the previous day in UTC).</summary>
    public static DateOnly Of(DateTimeOffset createdAt) => DateOnly.FromDateTime(createdAt.ToOffset(Orders.BillNumber.IstOffset).DateTime);

    /// <summary>The date <paramref name="text"/> names in <c>dd/MM/yyyy</c>, or false.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
