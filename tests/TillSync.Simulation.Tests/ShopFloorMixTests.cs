// Proves the simulated shop floor reaches every path that moves money after a sale, not just that the invariants hold: one
// busy seeded run must take partial, cross-till, exchange, store credit and over-returns, spend vouchers and burn points,
// run shifts (logins, every kind of cash movement, closes short and over, resent requests and a Z report lost in a crash)
// and bill sales at a price HQ has since changed.
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests;

public sealed class ShopFloorMixTests(ITestOutputHelper log)
{
    [Fact]
    public async Task BusyRun_TakesEveryKindOfReturn_AndEveryInvariantHolds()
    {
        var options = new SimulationOptions(7, Tills: 4, Orders: 400, FaultRate: 0.3) { DataRoot = SeedSet.DataRoot };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        log.WriteLine(report.Render());
        Assert.True(report.AllHold, report.FailureText());
        var floor = report.Floor.ToDictionary(f => f.What, f => f.Count);
        Assert.True(floor.GetValueOrDefault("return") > 20, "too few returns");
        Assert.True(floor.GetValueOrDefault("return: over-return (refunded elsewhere already)") > 0, "no over-return");
        Assert.True(floor.GetValueOrDefault("return found by receipt_code at another till") > 0, "no return by receipt code at another till");
        Assert.True(floor.GetValueOrDefault("return found by local") > 0, "no return at the selling till");
        Assert.Contains(floor, f => f.Key.StartsWith("return refunded by", StringComparison.Ordinal) && f.Key.Contains("exchange", StringComparison.Ordinal));
        Assert.Contains(floor, f => f.Key.StartsWith("return refunded by", StringComparison.Ordinal) && f.Key.Contains("store_credit", StringComparison.Ordinal));
        string[] shiftPaths =
        [
            "shift: opened", "shift: closed short (a note astray)", "shift: closed over (change not given)", "cash: pickup_to_safe", "cash: petty_cash",
            "cash: from_safe", "cashier switched mid-shift", "login: a wrong PIN first", "shift request resent (answer lost)",
            "shift: Z report lost in a till crash, asked for again", "catalogue: sale billed at a price HQ had since changed",
        ];
        Assert.All(shiftPaths, path => Assert.True(floor.GetValueOrDefault(path) > 0, $"never: {path}"));
    }
}
