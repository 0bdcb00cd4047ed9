using System.CommandLine;
using System.Text;
using Microsoft.Data.Sqlite;
using TillSync.Till.Sync;
using TillSync.Till.Web;
using TillSync.Web;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync till</c>: runs a till; <c>till status</c> and <c>till sync-now</c> ask a running one; <c>till verify</c>
/// checks a till's document chain (<see cref="TillVerifyVerb"/>).</summary>
public static class TillVerb
{
    /// <summary>The exit code when the till's database cannot be read (corrupt, or not a SQLite file).</summary>
    public const int UnreadableDataExitCode = 3;

    // SQLite's primary result codes for a damaged file and for a file that is not a database at all.
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>The verb with its options and operator subcommands; progress bars go to <paramref name="progress"/>.</summary>
    public static Command Create(TextWriter console, TextWriter progress)
    {
        var hq = EnvOption.Text("--hq", "TILLSYNC_HQ", "http://127.0.0.1:5080",
            "HQ's address: https:// (see --hq-ca-file), or http:// on loopback; plain http:// to another machine needs --allow-insecure-hq.");
        var token = EnvOption.Secret("--token", "TILLSYNC_TOKEN", "The till's token from enrolment (POST /api/v1/tills). Required.");
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./till-data", "Directory for the till's SQLite database (till.db); created owner-only.");
        var urls = EnvOption.Text("--urls", "TILLSYNC_URLS", "http://127.0.0.1:5090",
            "Where the cashier page listens: loopback only, unless --allow-lan.");
        var allowLan = EnvOption.Flag("--allow-lan", "TILLSYNC_ALLOW_LAN",
            "Let --urls name an address other machines can reach. The till's API has no sign-in yet, so anyone on the network could ring up sales: only on a trusted network.");
        var allowedHosts = EnvOption.AllowedHosts("the cashier page and its API");
        var backoffMax = EnvOption.Text("--sync-backoff-max", "TILLSYNC_SYNC_BACKOFF_MAX", "10s",
            "Longest wait between sync attempts while HQ is unreachable (e.g. 2s, 1m).");
        var allowInsecure = EnvOption.Text("--allow-insecure-hq", "TILLSYNC_ALLOW_INSECURE_HQ", "false",
            "true to let the till talk plain http:// to an HQ on another machine (token and sales unencrypted); only on a network you trust.");
        var caFile = EnvOption.Text("--hq-ca-file", "TILLSYNC_HQ_CA_FILE", "",
            "A PEM file of the CA (or the self-signed certificate) HQ's https:// certificate must chain to, instead of the system's trusted CAs.");
        var idleLock = EnvOption.Text("--idle-lock", "TILLSYNC_IDLE_LOCK", "5m",
            "How long the cashier page stays logged in without work before it locks and asks for a PIN (e.g. 90s, 5m).");
        var mirror = EnvOption.Text("--mirror", "TILLSYNC_MIRROR", "",
            "A directory on another device (e.g. a USB stick) where the till keeps a current copy of till.db, so a dead disk loses no unsynced sale; none by default.");
        var peers = EnvOption.Text("--peers", "TILLSYNC_PEERS", "",
            "The other tills of this store on the LAN: their peer listeners' base URLs, comma-separated (e.g. http://192.168.1.12:5190,http://192.168.1.13:5190); this till copies their signed document logs while HQ is unreachable (docs/store-lan.md). None by default.");
        var peerUrls = EnvOption.Text("--peer-urls", "TILLSYNC_PEER_URLS", "",
            "Where this till's peer listener listens for the other tills (e.g. http://0.0.0.0:5190): only requests signed by a till of this store are answered there, and only the peer reads. None by default.");
        var logFormat = EnvOption.LogFormat();
        var command = new Command("till", "Run a till: the cashier page, the local store of sales and the sync agent.")
        {
            hq, token.Value, token.File, data, urls, backoffMax, allowInsecure, caFile, allowLan, allowedHosts, idleLock, mirror, peers, peerUrls, logFormat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (options, problem) = Options(parse, hq, token, data, urls, backoffMax, allowInsecure, caFile, allowLan, allowedHosts, idleLock, mirror);
            if (options is { } parsed)
            {
                (options, problem) = WithPeers(parsed, parse.GetValue(peers)!, parse.GetValue(peerUrls)!);
            }

            var (jsonLogs, formatProblem) = EnvOption.ReadLogFormat(parse, logFormat);
            if (options is null || formatProblem is not null)
            {
                await console.WriteLineAsync($"till: {problem ?? formatProblem}");
                return 2;
            }

            return await RunAsync(options with { JsonLogs = jsonLogs }, console, cancellationToken);
        });
        command.Subcommands.Add(StatusCommand(console));
        command.Subcommands.Add(SyncNowCommand(console));
        command.Subcommands.Add(TillVerifyVerb.Create(console, progress));
        command.Subcommands.Add(InstallServiceVerb.Create(console));
        foreach (var backup in BackupVerbs.Create("till", "till.db", "./till-data", console))
        {
            command.Subcommands.Add(backup);
        }

        return command;
    }

    private static (TillOptions? Options, string? Problem) Options(ParseResult parse, Option<string> hq, SecretOption token, Option<string> data,
        Option<string> urls, Option<string> backoffMax, Option<string> allowInsecure, Option<string> caFile,
        Option<bool> allowLan, Option<string> allowedHosts, Option<string> idleLock, Option<string> mirror)
    {
        var (tokenValue, tokenProblem) = token.Read(parse, Console.Error);
        if (Durations.Parse(parse.GetValue(idleLock)!) is not { } idle || idle <= TimeSpan.Zero)
        {
            return (null, "--idle-lock must be a duration above zero such as 90s or 5m.");
        }

        var backoff = Durations.Parse(parse.GetValue(backoffMax)!);
        if (tokenProblem is not null || tokenValue is null || backoff is null || !Uri.TryCreate(parse.GetValue(hq), UriKind.Absolute, out var hqUrl))
        {
            return (null, tokenProblem ?? (tokenValue is null
                ? "--token (or --token-file, TILLSYNC_TOKEN, TILLSYNC_TOKEN_FILE) is required: enrol the till at HQ with POST /api/v1/tills to get one."
                : backoff is null ? "--sync-backoff-max must be a duration such as 2s or 1m." : "--hq must be an absolute URL such as https://hq.example.in."));
        }

        if (HqAddress.Problem(hqUrl, string.Equals(parse.GetValue(allowInsecure), "true", StringComparison.OrdinalIgnoreCase)) is { } insecure)
        {
            return (null, insecure);
        }

        var (hosts, hostsProblem) = HostAllowList.Parse(parse.GetValue(allowedHosts));
        if (hostsProblem is not null)
        {
            return (null, $"--allowed-hosts: {hostsProblem}");
        }

        var caPath = parse.GetValue(caFile)!;
        var (authorities, caProblem) = caPath.Length == 0 ? (null, null) : HqAddress.LoadAuthorities(caPath);
        if (caProblem is not null)
        {
            return (null, caProblem);
        }

        var options = new TillOptions(hqUrl, tokenValue, parse.GetValue(data)!, parse.GetValue(urls)!, backoff.Value, authorities, hosts, parse.GetValue(allowLan),
            IdleLock: idle, MirrorDirectory: parse.GetValue(mirror) is { Length: > 0 } mirrorDirectory ? mirrorDirectory : null);
        return (options.ListenProblem() ?? options.MirrorProblem()) is { } optionsProblem ? (null, optionsProblem) : (options, null);
    }

    // The store LAN's settings (docs/store-lan.md): --peers as a list of absolute URLs, --peer-urls as Kestrel takes them.
    private static (TillOptions? Options, string? Problem) WithPeers(TillOptions options, string peers, string peerUrls)
    {
        var list = new List<Uri>();
        foreach (var peer in peers.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(peer, UriKind.Absolute, out var uri))
            {
                return (null, $"--peers: '{peer}' is not an absolute URL such as http://192.168.1.12:5190.");
            }

            list.Add(uri);
        }

        var withPeers = options with { Peers = list, PeerUrls = peerUrls.Length > 0 ? peerUrls : null };
        return withPeers.PeerProblem() is { } problem ? (null, problem) : (withPeers, null);
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

            if (options.AllowLan && ListenAddresses.NotLoopback(options.Urls).Count > 0)
            {
                await console.WriteLineAsync("till: --allow-lan: other machines can reach this till's API, which has no sign-in; " +
                    $"it answers to localhost, 127.0.0.1, [::1], the hosts in --urls{(options.AllowedHosts is [_, ..] hosts ? $" and {string.Join(", ", hosts)}" : "")}");
            }

            if (options.PeerUrls is { } peerListener)
            {
                await console.WriteLineAsync($"till: store LAN peer listener on {peerListener} (signed requests of this store's tills only); peers: " +
                    (options.Peers is [_, ..] peerList ? string.Join(", ", peerList) : "none"));
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
