// Proves each invariant of returns, store credit and loyalty can fail: with a bug planted in HQ (a test-only trigger that
// does what the bug would do, Nodes.HqBug), the busy seeded run must report that invariant violated and name its seed.
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class BrokenMoneyTests(ITestOutputHelper log)
{
    [Theory]
    // Lost dedup needs only a return, and its tills then fight conflicts to the end of the drain: a shorter run (40 orders
    // leave 4 returns wrong; 120 took two and a half minutes).
    [InlineData(HqBug.ReturnDedupLost, "returns_once", 40)]
    [InlineData(HqBug.LoyaltyBurnTwice, "loyalty_balanced", 400)]
    [InlineData(HqBug.RedemptionTokenReusable, "loyalty_tokens", 400)]
    [InlineData(HqBug.OverReturnUnreviewed, "over_returns_reviewed", 400)]
    [InlineData(HqBug.StoreCreditOverdraftUnreviewed, "store_credit_balanced", 400)]
    [InlineData(HqBug.ReturnNeverLinked, "returns_linked", 400)]
    [InlineData(HqBug.CreditNoteGstSkewed, "credit_notes_match_journal", 400)]
    public async Task PlantedBug_IsCaughtByItsInvariant_WithItsSeed(HqBug bug, string invariant, int orders)
    {
        // The run of ShopFloorMixTests: it takes over-returns, overdraws vouchers and burns points.
        var options = new SimulationOptions(7, Tills: 4, Orders: orders, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot, Bug = bug };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts, v => v.Invariant == invariant);
        log.WriteLine($"{bug}: {invariant}: {verdict.Message}");
        Assert.False(verdict.Holds, $"{bug} went unnoticed:{Environment.NewLine}{report.Render()}");
        Assert.Contains("TILLSYNC_SEED=7", report.FailureText(), StringComparison.Ordinal);
    }
}
