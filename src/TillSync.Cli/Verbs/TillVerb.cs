using System.CommandLine;
using Microsoft.Data.Sqlite;
using TillSync.Till.Web;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync till</c>: runs a till; <c>till status</c> and <c>till sync-now</c> ask a running one.</summary>
public static class TillVerb
{
    /// <summary>The exit code when the till's database cannot be read (corrupt, or not a SQLite file).</summary>
    public const int UnreadableDataExitCode = 3;

    // SQLite's primary result codes for a damaged file and for a file that is not a database at all.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>The verb with its options and operator subcommands.</summary>
    public static Command Create(TextWriter console)
    {
        var hq = EnvOption.Text("--hq", "TILLSYNC_HQ", "http://127.0.0.1:5080", "HQ's address.");
        var token = EnvOption.Secret("--token", "TILLSYNC_TOKEN", "The till's token from enrolment (POST /api/v1/tills). Required.");
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./till-data", "Directory for the till's SQLite database (till.db).");
        var urls = EnvOption.Text("--urls", "TILLSYNC_URLS", "http://127.0.0.1:5090", "Where the cashier page listens; loopback.");
        var backoffMax = EnvOption.Text("--sync-backoff-max", "TILLSYNC_SYNC_BACKOFF_MAX", "10s",
            "Longest wait between sync attempts while HQ is unreachable (e.g. 2s, 1m).");
        var command = new Command("till", "Run a till: the cashier page, the local store of sales and the sync agent.") { hq, token, data, urls, backoffMax };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var tokenValue = EnvOption.SecretValue(parse, token, "TILLSYNC_TOKEN");
            var backoff = Durations.Parse(parse.GetValue(backoffMax)!);
            if (tokenValue is null || backoff is null || !Uri.TryCreate(parse.GetValue(hq), UriKind.Absolute, out var hqUrl))
            {
                await console.WriteLineAsync(tokenValue is null
                    ? "till: --token (or TILLSYNC_TOKEN) is required: enrol the till at HQ with POST /api/v1/tills to get one."
                    : backoff is null ? "till: --sync-backoff-max must be a duration such as 2s or 1m." : "till: --hq must be an absolute URL such as http://127.0.0.1:5080.");
                return 2;
            }

            return await RunAsync(new TillOptions(hqUrl, tokenValue, parse.GetValue(data)!, parse.GetValue(urls)!, backoff.Value), console, cancellationToken);
        });
        command.Subcommands.Add(StatusCommand(console));
        command.Subcommands.Add(SyncNowCommand(console));
        return command;
    }

    private static async Task<int> RunAsync(TillOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        WebApplication app;
        IReadOnlyList<string> addresses;
        try
        {
            (app, addresses) = await TillApplication.StartAsync(options, TimeProvider.System, cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            // The sales in it are the store's money: say what is wrong and leave the file alone for a person to recover.
            var file = Path.Combine(Path.GetFullPath(options.DataDirectory), "till.db");
            await console.WriteLineAsync($"""
                till: {file} cannot be read ({e.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal)}); the till did not start and changed nothing.
                till: its unsynced sales may still be recoverable: copy the data directory somewhere safe, then try `sqlite3 till.db ".recover"`, or restore a backup; start the till on an empty --data directory only once you know which sales HQ has (GET /api/v1/orders?tillId=).
                """);
            return UnreadableDataExitCode;
        }

        await using (app)
        {
            foreach (var address in addresses)
            {
                await console.WriteLineAsync($"till: listening on {address}");
            }

            await console.WriteLineAsync($"till: data in {Path.GetFullPath(options.DataDirectory)}; HQ at {options.HqUrl}; Ctrl-C stops");
            await console.FlushAsync(CancellationToken.None);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
        }

        return 0;
    }

    private static Option<string> TillUrl() =>
        EnvOption.Text("--till-url", "TILLSYNC_TILL_URL", "http://127.0.0.1:5090", "The running till's address.");

    private static Command StatusCommand(TextWriter console)
    {
        var tillUrl = TillUrl();
        var command = new Command("status", "Show a running till's queue depth, oldest unsynced sale and last sync outcome.") { tillUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(tillUrl)!), Timeout = TimeSpan.FromSeconds(10) };
            TillStatusView? status;
            try
            {
                status = await http.GetFromJsonAsync("/api/status", TillJsonContext.Default.TillStatusView, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                await console.WriteLineAsync($"till status: no till answers at {http.BaseAddress} ({e.Message}).");
                return 1;
            }

            await console.WriteAsync(StatusReport.Render(status!));
            return 0;
        });
        return command;
    }

    private static Command SyncNowCommand(TextWriter console)
    {
        var tillUrl = TillUrl();
        var command = new Command("sync-now", "Ask a running till to sync now instead of waiting for its backoff.") { tillUrl };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(tillUrl)!), Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                using var response = await http.PostAsync(new Uri("/api/sync-now", UriKind.Relative), null, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
            catch (HttpRequestException e)
            {
                await console.WriteLineAsync($"till sync-now: no till answers at {http.BaseAddress} ({e.Message}).");
                return 1;
            }

            await console.WriteLineAsync("till sync-now: the till's sync agent was woken; `tillsync till status` shows the outcome.");
            return 0;
        });
        return command;
    }
}
