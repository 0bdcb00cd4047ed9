// Proves einvoice_once can fail: with HQ's e-invoice worker made to forget each credit note once the portal registered it
// (a test-only trigger, Nodes.HqBug.CrnSentTwice), the seeded run sends credit notes to the portal a second time, and the
// checker must report einvoice_once violated, say which credit note, and name its seed.
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class BrokenEInvoiceTests(ITestOutputHelper log)
{
    [Fact]
    public async Task CrnSentTwice_IsCaughtByEInvoiceOnce_WithItsSeed()
    {
        // The run of ShopFloorMixTests, shorter: it registers B2B credit notes.
        var options = new SimulationOptions(7, Tills: 4, Orders: 200, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot, Bug = HqBug.CrnSentTwice };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        var verdict = Assert.Single(report.Verdicts, v => v.Invariant == "einvoice_once");
        log.WriteLine($"einvoice_once: {verdict.Message}");
        Assert.False(verdict.Holds, $"a credit note sent twice went unnoticed:{Environment.NewLine}{report.Render()}");
        Assert.Matches(@"CRN T\d+/\d{4}/C\d{5}: sent to the portal again after it was registered \(2150\)", verdict.Message);
        Assert.Contains("TILLSYNC_SEED=7", report.FailureText(), StringComparison.Ordinal);
        // The portal answered the second send 2150 and HQ adopted its first registration: nothing else went wrong.
        Assert.All(report.Verdicts.Where(v => v.Invariant != "einvoice_once"), v => Assert.True(v.Holds, $"{v.Invariant}: {v.Message}"));
    }
}
