using System.CommandLine;
using System.Globalization;
using TillSync.Simulation.Lan;
using TillSync.Simulation.Runs;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync simulate</c>: a headless multi-till day (or days) with network faults, HQ and till crashes, on
/// the real HQ and till code and a simulated clock; a progress bar while it runs, then the reconciliation report. Exit
/// code 0 only when every invariant holds; 1 when one does not; 2 for bad options; 3 when the run stopped before its
/// report (a sentence names the seed and the cause, the details for a bug report go to a file).</summary>
public static class SimulateVerb
{
    /// <summary>The exit code of a run that stopped before its report.</summary>
    public const int StoppedExitCode = 3;

    /// <summary>The verb; the report goes to <paramref name="console"/>, the progress bar to <paramref name="progress"/>.</summary>
    public static Command Create(TextWriter console, TextWriter progress)
    {
        var tills = EnvOption.Text("--tills", "TILLSYNC_SIM_TILLS", "4", $"How many tills (1 to {SimulationOptions.TillsMax}).");
        var orders = EnvOption.Text("--orders", "TILLSYNC_SIM_ORDERS", "2000", $"How many sales in all, spread over the tills (1 to {SimulationOptions.OrdersMax}).");
        var faultRate = EnvOption.Text("--fault-rate", "TILLSYNC_SIM_FAULT_RATE", "0.3",
            "0 to 1: the chance that a request meets a network fault, and how often tills and HQ crash or are cut off.");
        var seed = EnvOption.Text("--seed", "TILLSYNC_SEED", "7", "The seed; the same seed replays the same run exactly.");
        var data = EnvOption.Text("--data", "TILLSYNC_SIM_DATA", Path.GetTempPath(), "Directory in which the run's SQLite files are made and then deleted.");
        var lan = EnvOption.Flag("--lan", "TILLSYNC_SIM_LAN",
            "Give the store a LAN: the tills share their logs and relay each other's documents, under LAN partitions, WAN outages with the LAN up and one till with a link.");
        var compareSharing = EnvOption.Flag("--compare-sharing", "TILLSYNC_SIM_COMPARE_SHARING",
            "Run the seed twice with WAN-only outages, a cashier selling within the till's stock view, with and without LAN sharing, and print both stock shortfalls.");
        var command = new Command("simulate",
            "Simulate tills and HQ under random faults on a fake clock, then check that no sale was lost or billed twice.")
        {
            tills, orders, faultRate, seed, data, lan, compareSharing,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (options, problem) = Options(parse.GetValue(tills)!, parse.GetValue(orders)!, parse.GetValue(faultRate)!, parse.GetValue(seed)!);
            if (options is null)
            {
                await console.WriteLineAsync($"simulate: {problem}");
                return 2;
            }

            var dataRoot = parse.GetValue(data)!;
            if (!Directory.Exists(dataRoot))
            {
                await console.WriteLineAsync($"simulate: --data must be an existing directory; '{dataRoot}' is {(File.Exists(dataRoot) ? "a file" : "not there")}.");
                return 2;
            }

            options = options with { DataRoot = dataRoot, Lan = parse.GetValue(lan) ? LanScenario.Faults : LanScenario.None };
            var bar = new ProgressBar(progress, "simulating", options.Orders);
            void Show(SimulationProgress p) => bar.Show(p.OrdersRecorded,
                string.Create(CultureInfo.InvariantCulture, $"sales, {p.SimulatedElapsed.TotalHours:0.0} h simulated, {p.Phase}"));
            try
            {
                if (parse.GetValue(compareSharing))
                {
                    var comparison = await SharingComparison.RunAsync(options, Show, cancellationToken);
                    bar.Finish();
                    await console.WriteAsync(comparison.Render());
                    return comparison.AllHold ? 0 : 1;
                }

                var report = await Simulator.RunAsync(options, Show, cancellationToken);
                bar.Finish();
                await console.WriteAsync(report.Render());
                return report.AllHold ? 0 : 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                bar.Stop("stopped");
                await console.WriteLineAsync(await StoppedAsync(options, parse.GetValue(compareSharing), e));
                return StoppedExitCode;
            }
        });
        return command;
    }

    // The sentence for a run that stopped before its report: the seed to replay and the cause, with the exception's
    // whole text (a simulator's internal failure is a bug to report) written to a file beside the system's temporary
    // files, not over the operator's terminal.
    private static async Task<string> StoppedAsync(SimulationOptions options, bool compareSharing, Exception e)
    {
        var replay = string.Create(CultureInfo.InvariantCulture,
            $"--seed {options.Seed} --tills {options.Tills} --orders {options.Orders} --fault-rate {options.FaultRate}")
            + (options.Lan == LanScenario.None ? "" : " --lan") + (compareSharing ? " --compare-sharing" : "");
        var sentence = $"simulate: the run stopped before its report: {e.Message}{Environment.NewLine}Replay it with {replay}.";
        var details = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"tillsync-simulate-seed-{options.Seed}-{Environment.ProcessId}.txt"));
        try
        {
            await File.WriteAllTextAsync(details, $"tillsync simulate {replay}{Environment.NewLine}{e}{Environment.NewLine}");
            return $"{sentence}{Environment.NewLine}The details for a bug report are in {details}.";
        }
        catch (Exception written) when (written is IOException or UnauthorizedAccessException)
        {
            return sentence;
        }
    }

    private static (SimulationOptions? Options, string? Problem) Options(string tills, string orders, string faultRate, string seed)
    {
        if (!int.TryParse(tills, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tillCount))
        {
            return (null, $"--tills must be a whole number; got '{tills}'.");
        }

        if (!int.TryParse(orders, NumberStyles.Integer, CultureInfo.InvariantCulture, out var orderCount))
        {
            return (null, $"--orders must be a whole number; got '{orders}'.");
        }

        if (!double.TryParse(faultRate, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
        {
            return (null, $"--fault-rate must be a number from 0 to 1, such as 0.3; got '{faultRate}'.");
        }

        if (!int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seedValue))
        {
            return (null, $"--seed must be a whole number; got '{seed}'.");
        }

        var options = new SimulationOptions(seedValue, tillCount, orderCount, rate);
        return options.Problem() is { } problem ? (null, problem) : (options, null);
    }
}
