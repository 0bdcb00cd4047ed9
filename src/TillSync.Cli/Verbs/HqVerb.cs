using System.CommandLine;
using TillSync.Hq.Web;
using TillSync.Web;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync hq</c>: runs HQ until Ctrl-C or SIGTERM.</summary>
public static class HqVerb
{
    /// <summary>The verb with its options.</summary>
    public static Command Create(TextWriter console)
    {
        var urls = EnvOption.Text("--urls", "TILLSYNC_URLS", "http://127.0.0.1:5080",
            "Where HQ listens (semicolon-separated). Loopback unless you mean to expose it; port 0 picks a free port.");
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./hq-data", "Directory for HQ's SQLite database (hq.db).");
        var adminToken = EnvOption.Secret("--admin-token", "TILLSYNC_ADMIN_TOKEN",
            "Manager token. Without it HQ keeps the stored one, or generates one at first start and prints it once.");
        var postgres = EnvOption.Secret("--postgres", "TILLSYNC_POSTGRES",
            "Run on PostgreSQL instead of the embedded SQLite: an Npgsql connection string, e.g. \"Host=127.0.0.1;Database=tillsync;Username=tillsync;Password=…\". Several HQ processes may share one database.");
        var irpUrl = EnvOption.Text("--irp-url", "TILLSYNC_IRP_URL", "",
            "The e-invoice portal (IRP) to register B2B bills with, e.g. http://127.0.0.1:5070 for `tillsync irp`. Without it B2B bills stay pending.");
        var logLoyaltyCodes = EnvOption.Text("--log-loyalty-codes", "TILLSYNC_LOG_LOYALTY_CODES", "false",
            "Log loyalty one-time codes (true/false): for the demo and tests, which have no SMS gateway. Never in production.");
        var allowedHosts = EnvOption.AllowedHosts("HQ (its pages and API)");
        var command = new Command("hq", "Run HQ: the sync API, stock, orders and the manager endpoints.")
        {
            urls, data, adminToken, postgres, irpUrl, logLoyaltyCodes, allowedHosts,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var irpText = parse.GetValue(irpUrl);
            Uri? irp = null;
            if (!string.IsNullOrEmpty(irpText) && !Uri.TryCreate(irpText, UriKind.Absolute, out irp))
            {
                await Console.Error.WriteLineAsync($"hq: --irp-url must be an absolute URL; got '{irpText}'.");
                return 2;
            }

            var (hosts, hostsProblem) = HostAllowList.Parse(parse.GetValue(allowedHosts));
            if (hostsProblem is not null)
            {
                await Console.Error.WriteLineAsync($"hq: --allowed-hosts: {hostsProblem}");
                return 2;
            }

            var options = new HqOptions(parse.GetValue(urls)!, parse.GetValue(data)!, EnvOption.SecretValue(parse, adminToken, "TILLSYNC_ADMIN_TOKEN"),
                EnvOption.SecretValue(parse, postgres, "TILLSYNC_POSTGRES"), irp,
                string.Equals(parse.GetValue(logLoyaltyCodes), "true", StringComparison.OrdinalIgnoreCase), hosts);
            return await RunAsync(options, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(HqOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var (app, addresses) = await HqApplication.StartAsync(options, console, cancellationToken);
        await using (app)
        {
            foreach (var address in addresses)
            {
                await console.WriteLineAsync($"hq: listening on {address}");
            }

            await console.WriteLineAsync($"hq: answers to localhost, 127.0.0.1, [::1] and the hosts in --urls{(options.AllowedHosts is [_, ..] hosts ? $", and {string.Join(", ", hosts)}" : "")} (--allowed-hosts)");
            var data = options.Postgres is null ? Path.GetFullPath(options.DataDirectory) : "PostgreSQL";
            await console.WriteLineAsync($"hq: data in {data}; OpenAPI at /openapi/v1.json; Ctrl-C stops");
            await console.WriteLineAsync(options.IrpUrl is null
                ? "hq: no --irp-url: B2B bills wait as pending e-invoices"
                : $"hq: registering B2B bills with the IRP at {options.IrpUrl}");
            await console.FlushAsync(CancellationToken.None);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
