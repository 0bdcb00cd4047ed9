using System.Globalization;

namespace TillSync.Storage;

/// <summary>How HQ stores moments: ISO-8601 UTC text with 7 fraction digits, which sorts as time does.</summary>
public static class StoredTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The stored text of a moment.</summary>
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The moment a stored text names.</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The moment a stored text names, or false when the text is not one (a damaged row).</summary>
    public static bool TryParse(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
}
