using System.CommandLine;
using System.Globalization;
using System.Net;
using TillSync.Core.Staff;
using TillSync.Core.Tax;
using TillSync.Hq.Access;
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
            "Where HQ listens (semicolon-separated). Loopback unless you mean to expose it; port 0 picks a free port. An https:// address needs --cert-file.");
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./hq-data", "Directory for HQ's SQLite database (hq.db); created owner-only.");
        var adminToken = EnvOption.Secret("--admin-token", "TILLSYNC_ADMIN_TOKEN",
            $"Manager token, at least {TokenStrength.BitsMin} bits of entropy (e.g. `openssl rand -hex 32`). Without it HQ keeps the stored one, or generates one at first start and prints it once.");
        var postgres = EnvOption.Secret("--postgres", "TILLSYNC_POSTGRES",
            "Run on PostgreSQL instead of the embedded SQLite: an Npgsql connection string, e.g. \"Host=127.0.0.1;Database=tillsync;Username=tillsync;Password=…\". Several HQ processes may share one database.");
        var irpUrl = EnvOption.Text("--irp-url", "TILLSYNC_IRP_URL", "",
            "The e-invoice portal (IRP) to register B2B bills with, e.g. http://127.0.0.1:5070 for `tillsync irp`. Without it B2B bills stay pending.");
        var irp = IrpSignInOptions.Create();
        var irpSandbox = EnvOption.Text("--irp-sandbox", "TILLSYNC_IRP_SANDBOX", "false",
            "true when --irp-url is NIC's sandbox, whose test GSTINs fail the check character: HQ and its tills then accept any GSTIN that fits the e-invoice schema's pattern (docs/einvoice.md). Never for a live store.");
        var logLoyaltyCodes = EnvOption.Text("--log-loyalty-codes", "TILLSYNC_LOG_LOYALTY_CODES", "false",
            "Log loyalty one-time codes (true/false): for the demo and tests, which have no SMS gateway. Never in production.");
        var certFile = EnvOption.Text("--cert-file", "TILLSYNC_CERT_FILE", "",
            "Serve the https:// addresses of --urls with this certificate: a PEM file (with --cert-key-file) or a PKCS#12 .pfx holding its key.");
        var certKeyFile = EnvOption.Text("--cert-key-file", "TILLSYNC_CERT_KEY_FILE", "", "The PEM private key of a PEM --cert-file.");
        var certPassword = EnvOption.Secret("--cert-password", "TILLSYNC_CERT_PASSWORD", "The password of a .pfx --cert-file or of an encrypted PEM key.");
        var trustedProxies = EnvOption.Text("--trusted-proxies", "TILLSYNC_TRUSTED_PROXIES", "",
            "Comma-separated IP addresses of reverse proxies in front of HQ whose X-Forwarded-For and X-Forwarded-Proto HQ believes (docs/security.md). Default: none.");
        var allowedHosts = EnvOption.AllowedHosts("HQ (its pages and API)");
        var unlinkedDays = EnvOption.Text("--return-unlinked-days", "TILLSYNC_RETURN_UNLINKED_DAYS", "7",
            "Days a return may wait for its original sale (sold offline at a till whose queue has not arrived) before HQ opens a return_unlinked review item: 1 to 365.");
        var pinIterations = EnvOption.Text("--pin-iterations", "TILLSYNC_PIN_ITERATIONS",
            StaffPin.IterationsDefault.ToString(CultureInfo.InvariantCulture),
            $"PBKDF2 iterations for each new staff PIN hash: {StaffPin.IterationsMin:N0} to {StaffPin.IterationsMax:N0}. Fewer make a stolen till's hashes quicker to guess (docs/security.md).");
        var sessionIdle = EnvOption.Text("--session-idle-minutes", "TILLSYNC_SESSION_IDLE_MINUTES",
            ((int)ManagerSessionOptions.IdleTimeoutDefault.TotalMinutes).ToString(CultureInfo.InvariantCulture),
            "Minutes a back-office session may go unused before the manager must sign in again: 1 up to --session-hours.");
        var sessionHours = EnvOption.Text("--session-hours", "TILLSYNC_SESSION_HOURS",
            ((int)ManagerSessionOptions.LifetimeDefault.TotalHours).ToString(CultureInfo.InvariantCulture),
            "Hours a back-office session lasts after sign-in however much it is used: 1 to 168.");
        var logFormat = EnvOption.LogFormat();
        var command = new Command("hq", "Run HQ: the sync API, stock, orders and the manager endpoints.")
        {
            urls, data, postgres.Value, postgres.File, adminToken.Value, adminToken.File, irpUrl, logLoyaltyCodes,
            irp.ClientId, irp.ClientSecret.Value, irp.ClientSecret.File, irp.User, irp.Password.Value, irp.Password.File, irp.PublicKeyFile, irp.UsersFile, irpSandbox,
            certFile, certKeyFile, certPassword.Value, certPassword.File, trustedProxies, allowedHosts, unlinkedDays, pinIterations, sessionIdle, sessionHours, logFormat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (options, problem) = Options(parse, urls, data, adminToken, postgres, (irpUrl, irp, irpSandbox), logLoyaltyCodes,
                (certFile, certKeyFile, certPassword), trustedProxies, allowedHosts, unlinkedDays, pinIterations);
            var (jsonLogs, formatProblem) = EnvOption.ReadLogFormat(parse, logFormat);
            var (sessions, sessionsProblem) = Sessions(parse, sessionIdle, sessionHours);
            if (options is null || sessions is null || formatProblem is not null)
            {
                await Console.Error.WriteLineAsync($"hq: {problem ?? formatProblem ?? sessionsProblem}");
                return 2;
            }

            return await RunAsync(options with { JsonLogs = jsonLogs, Sessions = sessions }, console, cancellationToken);
        });
        foreach (var backup in BackupVerbs.Create("hq", "hq.db", "./hq-data", console))
        {
            command.Subcommands.Add(backup);
        }

        return command;
    }

    private static (HqOptions? Options, string? Problem) Options(
        ParseResult parse, Option<string> urls, Option<string> data, SecretOption adminToken, SecretOption postgres,
        (Option<string> Url, IrpSignInOptions SignIn, Option<string> Sandbox) irpOptions,
        Option<string> logLoyaltyCodes, (Option<string> File, Option<string> KeyFile, SecretOption Password) certificate, Option<string> trustedProxies,
        Option<string> allowedHosts, Option<string> unlinkedDays, Option<string> pinIterations)
    {
        var irpText = parse.GetValue(irpOptions.Url);
        Uri? irp = null;
        if (!string.IsNullOrEmpty(irpText) && !Uri.TryCreate(irpText, UriKind.Absolute, out irp))
        {
            return (null, $"--irp-url must be an absolute URL; got '{irpText}'.");
        }

        var (irpCredentials, irpKeyFile, irpProblem) = irp is null ? (null, null, null) : irpOptions.SignIn.Read(parse);
        if (irpProblem is not null)
        {
            return (null, irpProblem);
        }

        var sandboxText = parse.GetValue(irpOptions.Sandbox)!.Trim();
        var sandbox = string.Equals(sandboxText, "true", StringComparison.OrdinalIgnoreCase);
        if (!sandbox && !string.Equals(sandboxText, "false", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"--irp-sandbox is true or false; got '{parse.GetValue(irpOptions.Sandbox)}'.");
        }

        var (token, tokenProblem) = adminToken.Read(parse, Console.Error);
        var (connectionString, postgresProblem) = postgres.Read(parse, Console.Error);
        if ((tokenProblem ?? postgresProblem ?? (token is null ? null : TokenStrength.Problem(token))) is { } secretProblem)
        {
            return (null, secretProblem);
        }

        var proxies = new List<IPAddress>();
        foreach (var text in parse.GetValue(trustedProxies)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(text, out var proxy))
            {
                return (null, $"--trusted-proxies takes IP addresses separated by commas; '{text}' is not one.");
            }

            proxies.Add(proxy);
        }

        var (hosts, hostsProblem) = HostAllowList.Parse(parse.GetValue(allowedHosts));
        if (hostsProblem is not null)
        {
            return (null, $"--allowed-hosts: {hostsProblem}");
        }

        if (!int.TryParse(parse.GetValue(unlinkedDays), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            || days is < 1 or > 365)
        {
            return (null, $"--return-unlinked-days must be a whole number of days from 1 to 365; got '{parse.GetValue(unlinkedDays)}'.");
        }

        if (!int.TryParse(parse.GetValue(pinIterations), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < StaffPin.IterationsMin or > StaffPin.IterationsMax)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"--pin-iterations must be a whole number from {StaffPin.IterationsMin} to {StaffPin.IterationsMax}; got '{parse.GetValue(pinIterations)}'."));
        }

        var (https, httpsProblem) = Certificate(parse, certificate);
        var listen = parse.GetValue(urls)!;
        if ((httpsProblem ?? HttpsCertificate.UrlsProblem(listen, https is not null)) is { } tlsProblem)
        {
            return (null, tlsProblem);
        }

        return (new HqOptions(listen, parse.GetValue(data)!, token, connectionString, irp,
            string.Equals(parse.GetValue(logLoyaltyCodes), "true", StringComparison.OrdinalIgnoreCase), https, proxies, hosts,
            TimeSpan.FromDays(days), PinIterations: iterations, IrpCredentials: irpCredentials, IrpPublicKeyFile: irpKeyFile,
            GstinRule: sandbox ? GstinRule.Sandbox : GstinRule.Checked), null);
    }

    private static (ManagerSessionOptions? Sessions, string? Problem) Sessions(ParseResult parse, Option<string> idleMinutes, Option<string> lifetimeHours)
    {
        const int hoursMax = 168;
        if (!int.TryParse(parse.GetValue(lifetimeHours), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > hoursMax)
        {
            return (null, $"--session-hours must be a whole number of hours from 1 to {hoursMax}; got '{parse.GetValue(lifetimeHours)}'.");
        }

        if (!int.TryParse(parse.GetValue(idleMinutes), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes < 1 || minutes > hours * 60)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"--session-idle-minutes must be a whole number of minutes from 1 to {hours * 60} (--session-hours); got '{parse.GetValue(idleMinutes)}'."));
        }

        return (new ManagerSessionOptions(TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(hours)), null);
    }

    private static (System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate, string? Problem) Certificate(
        ParseResult parse, (Option<string> File, Option<string> KeyFile, SecretOption Password) options)
    {
        var file = parse.GetValue(options.File);
        var keyFile = parse.GetValue(options.KeyFile);
        if (string.IsNullOrEmpty(file))
        {
            return (null, string.IsNullOrEmpty(keyFile) ? null : "--cert-key-file needs --cert-file.");
        }

        var (password, problem) = options.Password.Read(parse, Console.Error);
        return problem is not null ? (null, problem) : HttpsCertificate.Load(file, string.IsNullOrEmpty(keyFile) ? null : keyFile, password);
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
                : $"hq: registering B2B bills with the IRP at {options.IrpUrl}, signing in as {options.IrpCredentials}");
            await console.FlushAsync(CancellationToken.None);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
