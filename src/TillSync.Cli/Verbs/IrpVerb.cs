using System.CommandLine;
using System.Globalization;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Authentication;
using TillSync.Irp.Faults;
using TillSync.Irp.Invoices;
using TillSync.Irp.Signing;
using TillSync.Irp.Web;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync irp</c>: runs the e-invoice portal simulator until Ctrl-C or SIGTERM.</summary>
public static class IrpVerb
{
    /// <summary>The verb with its options.</summary>
    public static Command Create(TextWriter console)
    {
        var urls = EnvOption.Text("--urls", "TILLSYNC_URLS", "http://127.0.0.1:5070",
            "Where the simulator listens (semicolon-separated); port 0 picks a free port.");
        var data = EnvOption.Text("--data", "TILLSYNC_DATA", "./irp-data",
            "Directory for the registry (irp.db) and the signing key (irp-signing-key.pem, irp-signing-public.pem).");
        var latency = EnvOption.Text("--latency-ms", "TILLSYNC_IRP_LATENCY_MS", "0",
            $"Delay before every NIC call is handled, 0 to {FaultSettings.LatencyMsMax} ms.");
        var failureRate = EnvOption.Text("--failure-rate", "TILLSYNC_IRP_FAILURE_RATE", "0",
            "Probability (0 to 1) that a NIC call fails without registering anything: a 503 or a dropped connection.");
        var commitThenTimeout = EnvOption.Text("--commit-then-timeout-rate", "TILLSYNC_IRP_COMMIT_THEN_TIMEOUT_RATE", "0",
            "Probability (0 to 1) that generate, cancel or e-way bill commits, then drops the connection instead of replying.");
        var seed = EnvOption.Text("--seed", "TILLSYNC_SEED", "1", "Seeds the random that decides which calls fault, so a run replays.");
        var limitDays = EnvOption.Text("--reporting-limit-days", "TILLSYNC_IRP_REPORTING_LIMIT_DAYS", "30",
            $"Refuse documents dated more than this many days ago (the portal's rule for sellers with a turnover of ₹10 crore or more); 0 turns it off.");
        var limitGstins = EnvOption.Text("--reporting-limit-gstins", "TILLSYNC_IRP_REPORTING_LIMIT_GSTINS", "",
            "Comma-separated GSTINs of the sellers in that turnover band; empty holds every seller to the limit.");
        var tampered = EnvOption.Text("--tampered-reply-rate", "TILLSYNC_IRP_TAMPERED_REPLY_RATE", "0",
            "Probability (0 to 1) that a successful call's encrypted Data is garbled after it committed, so the caller cannot read it.");
        var demo = ApiUserSettings.Demo.User;
        var clientId = EnvOption.Text("--client-id", "TILLSYNC_IRP_CLIENT_ID", demo.ClientId, "The client id callers must send (client_id).");
        var clientSecret = EnvOption.Secret("--client-secret", "TILLSYNC_IRP_CLIENT_SECRET",
            $"The client secret callers must send (client_secret); default the demo's, '{demo.ClientSecret}'.");
        var user = EnvOption.Text("--user", "TILLSYNC_IRP_USER", demo.UserName, "The API user that may sign in.");
        var password = EnvOption.Secret("--password", "TILLSYNC_IRP_PASSWORD", $"The API user's password; default the demo's, '{demo.Password}'.");
        var usersFile = IrpUsersFile.Option("--users-file", "TILLSYNC_IRP_USERS_FILE");
        var tokenMinutes = EnvOption.Text("--token-minutes", "TILLSYNC_IRP_TOKEN_MINUTES", "60",
            "How long a sign-in's token lives on the simulator's clock, 1 to 360 minutes (NIC's sandbox: 60).");
        var plain = EnvOption.Flag("--plain", "TILLSYNC_IRP_PLAIN",
            "Debugging only: skip NIC's sign-in and encryption (any user_name, plain JSON). HQ does not speak it.");
        var testClock = new Option<bool>("--test-clock")
        {
            Description = "Serve POST /admin/clock/advance so tests can move the simulator's clock forward (e.g. past the 24 h cancel window).",
        };
        var command = new Command("irp", "Run the simulator of NIC's e-invoice portal (IRP v1.03) and e-way bill API.")
        {
            urls, data, latency, failureRate, commitThenTimeout, tampered, seed, limitDays, limitGstins, testClock,
            clientId, clientSecret.Value, clientSecret.File, user, password.Value, password.File, usersFile, tokenMinutes, plain,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var numbers = (
                Latency: int.TryParse(parse.GetValue(latency), NumberStyles.Integer, CultureInfo.InvariantCulture, out var latencyMs),
                Failure: double.TryParse(parse.GetValue(failureRate), NumberStyles.Float, CultureInfo.InvariantCulture, out var failure),
                Commit: double.TryParse(parse.GetValue(commitThenTimeout), NumberStyles.Float, CultureInfo.InvariantCulture, out var commit),
                Seed: int.TryParse(parse.GetValue(seed), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seedValue),
                LimitDays: int.TryParse(parse.GetValue(limitDays), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days),
                Tampered: double.TryParse(parse.GetValue(tampered), NumberStyles.Float, CultureInfo.InvariantCulture, out var tamperedRate),
                Minutes: int.TryParse(parse.GetValue(tokenMinutes), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes));
            var faults = new FaultSettings(latencyMs, failure, commit, tamperedRate);
            var (secret, secretProblem) = clientSecret.Read(parse, Console.Error);
            var (pass, passwordProblem) = password.Read(parse, Console.Error);
            var (users, usersProblem) = IrpUsersFile.Read(parse, usersFile);
            var apiUser = new ApiUserSettings(
                new NicCredentials(parse.GetValue(clientId)!, secret ?? demo.ClientSecret, parse.GetValue(user)!, pass ?? demo.Password, users),
                TimeSpan.FromMinutes(minutes));
            var limit = new ReportingLimitSettings(days, parse.GetValue(limitGstins)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));
            var problem = !(numbers.Latency && numbers.Failure && numbers.Commit && numbers.Seed && numbers.LimitDays && numbers.Tampered && numbers.Minutes)
                ? "--latency-ms, --seed, --reporting-limit-days and --token-minutes take whole numbers; --failure-rate, --commit-then-timeout-rate and --tampered-reply-rate take numbers from 0 to 1."
                : secretProblem ?? passwordProblem ?? usersProblem ?? faults.Problem() ?? limit.Problem() ?? apiUser.Problem();
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"irp: {problem}");
                return 2;
            }

            var options = new IrpOptions(parse.GetValue(urls)!, parse.GetValue(data)!, faults, seedValue, parse.GetValue(testClock), limit, apiUser,
                parse.GetValue(plain));
            return await RunAsync(options, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IrpOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        var (app, addresses) = await IrpApplication.StartAsync(options, cancellationToken);
        await using (app)
        {
            var key = app.Services.GetRequiredService<SigningKey>();
            foreach (var address in addresses)
            {
                await console.WriteLineAsync($"irp: listening on {address}");
            }

            await console.WriteLineAsync($"irp: data in {Path.GetFullPath(options.DataDirectory)}; public key {key.PublicKeyPath} and {IrpPaths.Keys} (kid {key.Jwk.KeyId})");
            var portalKey = app.Services.GetRequiredService<PortalKey>();
            var apiUser = app.Services.GetRequiredService<ApiUserSettings>();
            await console.WriteLineAsync(options.Plain
                ? $"irp: PLAIN mode (debugging): no sign-in, no encryption; send headers '{IrpPaths.UserNameHeader}' and '{IrpPaths.GstinHeader}'"
                : $"irp: sign in at {IrpPaths.Auth} as {apiUser.User} with the public key {portalKey.PublicKeyPath}; tokens live {apiUser.TokenLifetime.TotalMinutes:0} min");
            await console.WriteLineAsync($"irp: the '{IrpPaths.GstinHeader}' header is the seller's GSTIN; faults {options.Faults}; {options.ReportingLimit ?? ReportingLimitSettings.Default}; seed {options.Seed}{(options.TestClock ? "; test clock on" : "")}; Ctrl-C stops");
            await console.FlushAsync(CancellationToken.None);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
