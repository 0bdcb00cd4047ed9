// Proves the drawer invariants can fail: with a bug planted in every till (a test-only trigger, Nodes.TillBug) whose Z report
// leaves the shift's cash refunds out, the busy seeded run must report drawer_balanced and z_matches_hq violated and name its seed.
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class BrokenShiftTests(ITestOutputHelper log)
{
    [Fact]
    public async Task ZReportOmittingRefunds_IsCaughtByTheDrawerInvariants_WithItsSeed()
    {
        // The run of ShopFloorMixTests, shorter: it refunds cash inside shifts that close.
        var options = new SimulationOptions(7, Tills: 4, Orders: 200, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot, TillBug = TillBug.ZReportOmitsRefunds };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        var drawer = Assert.Single(report.Verdicts, v => v.Invariant == "drawer_balanced");
        var hq = Assert.Single(report.Verdicts, v => v.Invariant == "z_matches_hq");
        log.WriteLine($"drawer_balanced: {drawer.Message}{Environment.NewLine}z_matches_hq: {hq.Message}");
        Assert.False(drawer.Holds, $"a Z report omitting refunds went unnoticed:{Environment.NewLine}{report.Render()}");
        Assert.False(hq.Holds, $"HQ's figures matched a Z report omitting refunds:{Environment.NewLine}{report.Render()}");
        Assert.Contains("refunds", drawer.Message, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_SEED=7", report.FailureText(), StringComparison.Ordinal);
        // The bug is in the till's Z report alone: the documents HQ holds, its count and the journal stay right.
        Assert.All(report.Verdicts.Where(v => v.Invariant is not ("drawer_balanced" or "z_matches_hq")), v => Assert.True(v.Holds, $"{v.Invariant}: {v.Message}"));
    }
}
