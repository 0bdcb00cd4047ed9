// Proves stale_prices_quiet and inventory_at_cost can fail: with HQ made to judge sales by today's catalogue price, a
// write_off made to put short units back on hand without their value, or a cost change made to leave the inventory
// account where it was (test-only triggers, Nodes.HqBug), the seeded run must report that invariant violated, say what
// went wrong, and name its seed.
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class BrokenPricesAndInventoryTests(ITestOutputHelper log)
{
    [Theory]
    // The run of ShopFloorMixTests, shorter: prices change while tills sell offline, and the manager writes shortfalls off.
    [InlineData(HqBug.PriceJudgedByToday, "stale_prices_quiet", "sales judged against a price their till never knew: Bill ")]
    [InlineData(HqBug.WriteOffMovesQuantityOnly, "inventory_at_cost", "inventory wrong: the inventory account ")]
    [InlineData(HqBug.CostChangedWithoutRevaluation, "inventory_at_cost", "inventory wrong: the inventory account ")]
    public async Task PlantedBug_IsCaughtByItsInvariant_WithItsSeed(HqBug bug, string invariant, string says)
    {
        var options = new SimulationOptions(7, Tills: 4, Orders: 150, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot, Bug = bug };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts, v => v.Invariant == invariant);
        log.WriteLine($"{bug}: {invariant}: {verdict.Message}");
        Assert.False(verdict.Holds, $"{bug} went unnoticed:{Environment.NewLine}{report.Render()}");
        Assert.Contains(says, verdict.Message, StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_SEED=7", report.FailureText(), StringComparison.Ordinal);
    }
}
