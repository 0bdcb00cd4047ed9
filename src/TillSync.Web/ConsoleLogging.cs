using Microsoft.Extensions.Logging;

namespace TillSync.Web;

/// <summary>How HQ and the till log to standard output: one line per event, UTC timestamps; as text by default, or as
/// one JSON object per line (<c>--log-format json</c>) with the event's scopes — for HQ's syncs the request id and the
/// till's id — as fields, for a log shipper to index.</summary>
public static class ConsoleLogging
{
    /// <summary>The values <c>--log-format</c> takes.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    /// <summary>Replaces the providers with the console in <paramref name="json"/> or text form; <paramref name="quiet"/>
    /// keeps warnings and errors only.</summary>
    public static ILoggingBuilder AddTillSyncConsole(this ILoggingBuilder logging, bool json, bool quiet = false)
    {
        logging.ClearProviders();
        if (quiet)
        {
            logging.SetMinimumLevel(LogLevel.Warning);
        }

        if (json)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            });
        }

        return logging;
    }
}
