// Proves a seed replays exactly: the same seed twice gives the same event trace hash and the same verdicts, and another
// seed gives another trace. Runs the full simulator (real HQ and till code, fake clock) three times.
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task SameSeedTwice_GivesTheSameTraceHash()
    {
        var options = new SimulationOptions(7, Tills: 3, Orders: 120, FaultRate: 0.4) { DataRoot = SeedSet.DataRoot };

        var first = await Simulator.RunAsync(options, null, CancellationToken.None);
        var second = await Simulator.RunAsync(options, null, CancellationToken.None);
        var other = await Simulator.RunAsync(options with { Seed = 8 }, null, CancellationToken.None);

        Assert.True(first.AllHold, first.FailureText());
        Assert.Equal(first.TraceHash, second.TraceHash);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Render(), second.Render());
        Assert.NotEqual(first.TraceHash, other.TraceHash);
    }
}
