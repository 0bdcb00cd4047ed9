// Proves the checker can fail: with HQ's dedup broken on purpose (SyncProcessor.ForgetKnownIds, a test-only switch),
// a faulty run must report the violated invariants and name its seed. A checker that never fails proves nothing.
using TillSync.Simulation.Network;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Tests;

public sealed class BrokenDedupTests
{
    [Fact]
    public async Task HqForgettingKnownIds_IsCaughtWithItsSeed()
    {
        var options = new SimulationOptions(11, Tills: 2, Orders: 80, FaultRate: 0.4) { DataRoot = SeedSet.DataRoot, ForgetKnownIds = true };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        // The run must have replayed something for broken dedup to matter: a reply lost after HQ committed.
        var replays = report.Faults.Where(f => f.Fault is $"request: {nameof(Fate.DropReply)}" or $"request: {nameof(Fate.Duplicate)}"
            or $"request: {nameof(Fate.TillCrashAfterCommit)}").Sum(f => f.Count);
        Assert.True(replays > 0, "seed 11 replayed nothing; pick a seed with lost replies");
        Assert.False(report.AllHold, "broken dedup went unnoticed:" + Environment.NewLine + report.Render());
        var violated = report.Verdicts.Where(v => !v.Holds).Select(v => v.Invariant).ToList();
        Assert.Contains("queues_drained", violated);
        Assert.Contains("till_agrees_with_hq", violated);
        Assert.Contains("seed 11", report.FailureText(), StringComparison.Ordinal);
        Assert.Contains("TILLSYNC_SEED=11", report.FailureText(), StringComparison.Ordinal);
        Assert.Contains("--seed 11", report.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameSeedWithDedupIntact_Holds()
    {
        var options = new SimulationOptions(11, Tills: 2, Orders: 80, FaultRate: 0.4) { DataRoot = SeedSet.DataRoot };

        var report = await Simulator.RunAsync(options, null, CancellationToken.None);

        Assert.True(report.AllHold, report.FailureText());
    }
}
