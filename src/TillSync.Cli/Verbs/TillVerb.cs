using System.CommandLine;
using System.Text;
using TillSync.Till.Web;
using TillSync.Web;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync till</c>: runs a till; <c>till status</c> and <c>till sync-now</c> ask a running one.</summary>
public static class TillVerb
{
    /// <summary>The verb with its options and operator subcommands.</summary>
    public static Command Create(TextWriter console)
    {
        var hq = EnvOption.Text("--hq", "TILLSYNC_HQ", "http://127.0.0.1:5080", "HQ's address.");
        var token = EnvOption.Secret("--token", "TILLSYNC_TOKEN", "The till's token from enrolment (POST /api/v1/tills). Required.");
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./till-data", "Directory for the till's SQLite database (till.db).");
        var urls = EnvOption.Text("--urls", "TILLSYNC_URLS", "http://127.0.0.1:5090",
            "Where the cashier page listens: loopback only, unless --allow-lan.");
        var allowLan = EnvOption.Flag("--allow-lan", "TILLSYNC_ALLOW_LAN",
            "Let --urls name an address other machines can reach. The till's API has no sign-in yet, so anyone on the network could ring up sales: only on a trusted network.");
        var allowedHosts = EnvOption.AllowedHosts("the cashier page and its API");
        var backoffMax = EnvOption.Text("--sync-backoff-max", "TILLSYNC_SYNC_BACKOFF_MAX", "10s",
            "Longest wait between sync attempts while HQ is unreachable (e.g. 2s, 1m).");
        var command = new Command("till", "Run a till: the cashier page, the local store of sales and the sync agent.")
        {
            hq, token, data, urls, backoffMax, allowLan, allowedHosts,
        };
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

            var (hosts, hostsProblem) = HostAllowList.Parse(parse.GetValue(allowedHosts));
            var options = new TillOptions(hqUrl, tokenValue, parse.GetValue(data)!, parse.GetValue(urls)!, backoff.Value, hosts, parse.GetValue(allowLan));
            if (((hostsProblem is null ? null : $"--allowed-hosts: {hostsProblem}") ?? options.ListenProblem()) is { } problem)
            {
                await console.WriteLineAsync($"till: {problem}");
                return 2;
            }

            return await RunAsync(options, console, cancellationToken);
        });
        command.Subcommands.Add(StatusCommand(console));
        command.Subcommands.Add(SyncNowCommand(console));
        return command;
    }

    private static async Task<int> RunAsync(TillOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var (app, addresses) = await TillApplication.StartAsync(options, TimeProvider.System, cancellationToken);
        await using (app)
        {
            foreach (var address in addresses)
            {
                await console.WriteLineAsync($"till: listening on {address}");
            }

            if (options.AllowLan && ListenAddresses.NotLoopback(options.Urls).Count > 0)
            {
                await console.WriteLineAsync("till: --allow-lan: other machines can reach this till's API, which has no sign-in; " +
                    $"it answers to localhost, 127.0.0.1, [::1], the hosts in --urls{(options.AllowedHosts is [_, ..] hosts ? $" and {string.Join(", ", hosts)}" : "")}");
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
                // The till takes writes only as JSON (docs/security.md), even this one without a payload.
                using var body = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/api/sync-now", UriKind.Relative), body, cancellationToken);
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
