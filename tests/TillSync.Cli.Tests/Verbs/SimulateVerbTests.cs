// Proves `tillsync simulate` runs the simulator end to end, draws a progress bar, prints the reconciliation table and
// exits 0 when every invariant holds, refuses bad options with a readable sentence and exit code 2, and answers a run
// that stops before its report with a sentence (the seed, the cause, how to replay it) and exit code 3. Runs in-process.
using System.Text.RegularExpressions;
using TillSync.Cli.Verbs;

namespace TillSync.Cli.Tests.Verbs;

public sealed class SimulateVerbTests
{
    [Fact]
    public async Task Simulate_SmallRun_PrintsReportAndExitsZero()
    {
        var output = new StringWriter();
        var progress = new StringWriter();
        var data = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

        var exit = await SimulateVerb.Create(output, progress)
            .Parse(["--tills", "2", "--orders", "40", "--fault-rate", "0.3", "--seed", "7", "--data", data]).InvokeAsync();

        var report = output.ToString();
        Assert.True(exit == 0, report);
        Assert.Contains("Simulation seed 7: 2 tills, 40 orders, fault rate 0.3", report, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^till\s+recorded\s+at HQ\s+returns\s+returns at HQ\s+Z reports\s+Z at HQ\s+duplicates suppressed\s+conflicts\s+rejections\s+stock shortfalls\s+crashes$", report);
        Assert.Matches(@"(?m)^T1\s+\d+\s+\d+", report);
        // 40 sales rung up, plus the new sale of each exchange; every one at HQ, and so every return and every Z report.
        Assert.Matches(@"(?m)^total\s+(\d+)\s+\1\s+(\d+)\s+\2\s+([1-9]\d*)\s+\3\s", report);
        foreach (var invariant in new[] { "lost", "duplicated", "unexpected", "commit_order", "payload", "on_hand", "stock_short_reviewed", "queues_drained",
            "returns_once", "returns_linked", "over_returns_reviewed", "credit_notes_match_journal", "store_credit_balanced", "loyalty_balanced",
            "shifts_once", "drawer_balanced", "z_matches_hq", "cash_journaled", "shift_count_reviewed",
            "einvoice_once", "einvoice_order", "einvoice_settled", "einvoice_at_till" })
        {
            Assert.Matches($@"(?m)^{invariant}\s+holds\s", report);
        }

        Assert.Matches(@"(?m)^INV: registered at HQ\s+[1-9]\d*$", report);
        Assert.Contains("Every invariant holds.", report, StringComparison.Ordinal);
        Assert.Contains($"[{new string('#', 30)}] 40/40", progress.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fault-rate", "1.5", "--fault-rate must be between 0 and 1; got 1.5.")]
    [InlineData("--fault-rate", "lots", "--fault-rate must be a number from 0 to 1, such as 0.3; got 'lots'.")]
    [InlineData("--tills", "0", "--tills must be between 1 and 32; got 0.")]
    [InlineData("--orders", "many", "--orders must be a whole number; got 'many'.")]
    [InlineData("--seed", "1.5", "--seed must be a whole number; got '1.5'.")]
    public async Task Simulate_BadOption_ExplainsAndExitsTwo(string option, string value, string message)
    {
        var output = new StringWriter();

        var exit = await SimulateVerb.Create(output, TextWriter.Null).Parse([option, value]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.Equal($"simulate: {message}", output.ToString().Trim());
    }

    [Fact]
    public async Task Simulate_DataThatIsAFile_ExplainsAndExitsTwo()
    {
        var output = new StringWriter();
        var file = Path.GetTempFileName();
        try
        {
            var exit = await SimulateVerb.Create(output, TextWriter.Null).Parse(["--data", file]).InvokeAsync();

            Assert.Equal(2, exit);
            Assert.Equal($"simulate: --data must be an existing directory; '{file}' is a file.", output.ToString().Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Simulate_RunThatStops_SaysWhyAndHowToReplay_WithoutAStackTrace()
    {
        // /proc/self is a directory in which nothing can be made, even by root: the run stops making its files.
        var output = new StringWriter();
        var progress = new StringWriter();

        var exit = await SimulateVerb.Create(output, progress)
            .Parse(["--tills", "2", "--orders", "40", "--seed", "11", "--data", "/proc/self"]).InvokeAsync();

        var text = output.ToString();
        Assert.Equal(SimulateVerb.StoppedExitCode, exit);
        Assert.StartsWith("simulate: the run stopped before its report: ", text, StringComparison.Ordinal);
        Assert.Contains("/proc/self/tillsync-sim-11-", text, StringComparison.Ordinal);
        Assert.Contains($"Replay it with --seed 11 --tills 2 --orders 40 --fault-rate 0.3.{Environment.NewLine}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var details = Regex.Match(text, "The details for a bug report are in (.+)\\.$", RegexOptions.Multiline);
        Assert.True(details.Success, text);
        try
        {
            var written = await File.ReadAllTextAsync(details.Groups[1].Value);
            Assert.StartsWith("tillsync simulate --seed 11 --tills 2 --orders 40 --fault-rate 0.3", written, StringComparison.Ordinal);
            Assert.Contains("   at ", written, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(details.Groups[1].Value);
        }

        Assert.Contains($"[{new string('-', 30)}] 0/40 stopped", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEveryOptionWithItsEnvironmentTwin()
    {
        var output = new StringWriter();
        var parse = TillSyncCommand.Create(output).Parse(["simulate", "--help"]);
        parse.InvocationConfiguration.Output = output;

        Assert.Equal(0, await parse.InvokeAsync());
        foreach (var text in new[] { "--tills", "TILLSYNC_SIM_TILLS", "--orders", "TILLSYNC_SIM_ORDERS", "--fault-rate", "TILLSYNC_SIM_FAULT_RATE", "--seed", "TILLSYNC_SEED" })
        {
            Assert.Contains(text, output.ToString(), StringComparison.Ordinal);
        }
    }
}
