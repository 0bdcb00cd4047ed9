// Proves promotions_judged_by_the_till can fail: with HQ made to judge a sale's promotion claims by the promotions it holds
// when the sale arrives (a test-only trigger, Nodes.HqBug), the seeded run must report the invariant violated and name its seed.
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class BrokenPromotionTests(ITestOutputHelper log)
{
    [Fact]
    public async Task PromotionJudgedByToday_IsCaughtWithItsSeed()
    {
        // The run of ShopFloorMixTests, shorter (150 orders): the manager ends promotions early while tills sell under them
        // between syncs.
        var options = new SimulationOptions(7, Tills: 4, Orders: 150, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot, Bug = HqBug.PromotionJudgedByToday };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts, v => v.Invariant == "promotions_judged_by_the_till");
        log.WriteLine(verdict.Message);
        Assert.False(verdict.Holds, $"the bug went unnoticed:{Environment.NewLine}{report.Render()}");
        Assert.Contains("promoted sales judged by the promotions HQ holds now, not by what their till knew: ", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("in force for its till, yet flagged price_deviation", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_SEED=7", report.FailureText(), StringComparison.Ordinal);
    }
}
