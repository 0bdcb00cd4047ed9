using System.Globalization;

namespace TillSync.Cli.Verbs;

/// <summary>Durations on the command line: <c>500ms</c>, <c>2s</c>, <c>5m</c>, <c>1h</c>, or a TimeSpan such as <c>00:00:30</c>.</summary>
public static class Durations
{
    /// <summary>The duration <paramref name="text"/> names, or null when it names none.</summary>
    public static TimeSpan? Parse(string text)
    {
        text = text.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units =
        [
            ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours),
        ];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return make(value);
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
