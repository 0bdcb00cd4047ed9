using System.CommandLine;
using System.Globalization;
using TillSync.Core.EInvoicing;
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
        var testClock = new Option<bool>("--test-clock")
        {
            Description = "Serve POST /admin/clock/advance so tests can move the simulator's clock forward (e.g. past the 24 h cancel window).",
        };
        var command = new Command("irp", "Run the simulator of NIC's e-invoice portal (IRP v1.03) and e-way bill API.")
        {
            urls, data, latency, failureRate, commitThenTimeout, seed, limitDays, limitGstins, testClock,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var numbers = (
                Latency: int.TryParse(parse.GetValue(latency), NumberStyles.Integer, CultureInfo.InvariantCulture, out var latencyMs),
                Failure: double.TryParse(parse.GetValue(failureRate), NumberStyles.Float, CultureInfo.InvariantCulture, out var failure),
                Commit: double.TryParse(parse.GetValue(commitThenTimeout), NumberStyles.Float, CultureInfo.InvariantCulture, out var commit),
                Seed: int.TryParse(parse.GetValue(seed), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seedValue),
                LimitDays: int.TryParse(parse.GetValue(limitDays), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days));
            var faults = new FaultSettings(latencyMs, failure, commit);
            var limit = new ReportingLimitSettings(days, parse.GetValue(limitGstins)!
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));
            var problem = !(numbers.Latency && numbers.Failure && numbers.Commit && numbers.Seed && numbers.LimitDays)
                ? "--latency-ms, --seed and --reporting-limit-days take whole numbers; --failure-rate and --commit-then-timeout-rate take numbers from 0 to 1."
                : faults.Problem() ?? limit.Problem();
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync($"irp: {problem}");
                return 2;
            }

            var options = new IrpOptions(parse.GetValue(urls)!, parse.GetValue(data)!, faults, seedValue, parse.GetValue(testClock), limit);
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
            await console.WriteLineAsync($"irp: send headers '{IrpPaths.UserNameHeader}' and '{IrpPaths.GstinHeader}' (the seller's GSTIN); faults {options.Faults}; {options.ReportingLimit ?? ReportingLimitSettings.Default}; seed {options.Seed}{(options.TestClock ? "; test clock on" : "")}; Ctrl-C stops");
            await console.FlushAsync(CancellationToken.None);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
        }

        return 0;
    }
}
