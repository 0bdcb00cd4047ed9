// Proves each invariant of returns, store credit and loyalty can fail: with a bug planted in HQ (a test-only trigger that
// does what the bug would do, Nodes.HqBug), the busy seeded run must report that invariant violated and name its seed.
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class BrokenMoneyTests(ITestOutputHelper log)
{
    [Theory]
    // Each run is seed 7 (a till offline for days across catalogue changes, HQ restarting), as short as still shows its
    // bug: more sales only add time. Lost dedup needs only a return, and
    // its tills then resend what HQ keeps losing to the end of the run (20 orders leave 3 returns wrong; 40 took a
    // minute). An overdrawn voucher needs the whole run of ShopFloorMixTests (150 orders overdraw none).
    [InlineData(HqBug.ReturnDedupLost, "returns_once", 20)]
    [InlineData(HqBug.LoyaltyBurnTwice, "loyalty_balanced", 150)]
    [InlineData(HqBug.RedemptionTokenReusable, "loyalty_tokens", 150)]
    [InlineData(HqBug.OverReturnUnreviewed, "over_returns_reviewed", 150)]
    [InlineData(HqBug.StoreCreditOverdraftUnreviewed, "store_credit_balanced", 400)]
    [InlineData(HqBug.ReturnNeverLinked, "returns_linked", 150)]
    [InlineData(HqBug.CreditNoteGstSkewed, "credit_notes_match_journal", 150)]
    public async Task PlantedBug_IsCaughtByItsInvariant_WithItsSeed(HqBug bug, string invariant, int orders)
    {
        // The run of ShopFloorMixTests (shorter but for the vouchers, above): it takes over-returns, overdraws vouchers and
        // burns points.
        var options = new SimulationOptions(7, Tills: 4, Orders: orders, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot, Bug = bug };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts, v => v.Invariant == invariant);
        log.WriteLine($"{bug}: {invariant}: {verdict.Message}");
        Assert.False(verdict.Holds, $"{bug} went unnoticed:{Environment.NewLine}{report.Render()}");
        Assert.Contains("TILLSYNC_SEED=7", report.FailureText(), StringComparison.Ordinal);
    }
}
