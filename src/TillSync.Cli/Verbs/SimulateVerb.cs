using System.CommandLine;
using System.Globalization;
using TillSync.Simulation.Lan;
using TillSync.Simulation.Runs;

namespace TillSync.Cli.Verbs;

/// <summary><c>tillsync simulate</c>: a headless multi-till day (or days) with network faults, HQ and till crashes, on
/// the real HQ and till code and a simulated clock; a progress bar while it runs, then the reconciliation report. Exit
/// code 0 only when every invariant holds.</summary>
public static class SimulateVerb
{

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

            options = options with { DataRoot = parse.GetValue(data), Lan = parse.GetValue(lan) ? LanScenario.Faults : LanScenario.None };
            var bar = new ProgressBar(progress, "simulating", options.Orders);
            void Show(SimulationProgress p) => bar.Show(p.OrdersRecorded,
                string.Create(CultureInfo.InvariantCulture, $"sales, {p.SimulatedElapsed.TotalHours:0.0} h simulated, {p.Phase}"));
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
        });
        return command;
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
