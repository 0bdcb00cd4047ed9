// Proves what sharing the tills' logs over the store LAN buys: the same seeds with WAN-only outages, run with and without
// sharing (a cashier who sells within the till's stock view in both), and the stock shortfalls HQ flags counted in each.
using System.Collections.Concurrent;
using TillSync.Simulation.Lan;
using TillSync.Simulation.Runs;
using Xunit.Abstractions;

namespace TillSync.Simulation.Tests.Lan;

public sealed class SharingComparisonTests(ITestOutputHelper log)
{
    // CI compares seeds 1..5, the simulation lane's time budget (ADR 0015's addendum: 10 seeds took 4 min 52 s of a busy
    // lane); TILLSYNC_SIM_COMPARE_SEEDS=30 is the wide figure, run by hand (docs/store-lan.md, "Proof").
    private const int DefaultCount = 5;

    private static readonly int Workers = Math.Min(2, Environment.ProcessorCount);

    /// <summary>A comparison seed's shape: three or four tills selling enough to run short, under the usual fault rates.</summary>
    public static SimulationOptions Shape(int seed)
    {
        var shape = new Random(seed);
        return new SimulationOptions(seed, Tills: shape.Next(3, 5), Orders: shape.Next(80, 161), FaultRate: shape.Next(2, 6) / 10.0) { DataRoot = SeedSet.DataRoot };
    }

    [Fact]
    public async Task Sharing_CutsStockShortfallsByNinetyPercent_InAggregate()
    {
        var count = SeedSet.Count("TILLSYNC_SIM_COMPARE_SEEDS", DefaultCount);
        var results = new ConcurrentDictionary<int, SharingComparison>();
        var started = TimeProvider.System.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (seed, cancellationToken) =>
            results[seed] = await SharingComparison.RunAsync(Shape(seed), null, cancellationToken));

        foreach (var (seed, comparison) in results.OrderBy(r => r.Key))
        {
            log.WriteLine($"seed {seed}: {comparison.ShortfallsWithSharing} oversold sales with sharing, {comparison.ShortfallsWithoutSharing} without");
        }

        var with = results.Values.Sum(c => c.ShortfallsWithSharing);
        var without = results.Values.Sum(c => c.ShortfallsWithoutSharing);
        var cut = SharingComparison.CutPercent(with, without);
        log.WriteLine($"{count} seeds in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s: {with} oversold sales with sharing, {without} without; sharing cuts them by {cut:0.0} %");
        var broken = results.Where(r => !r.Value.AllHold).OrderBy(r => r.Key).ToList();
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine,
            broken.Take(2).Select(b => b.Value.WithSharing.AllHold ? b.Value.WithoutSharing.FailureText() : b.Value.WithSharing.FailureText())));
        Assert.True(without > 0, "no seed ran short without sharing: the comparison proves nothing");
        Assert.True(cut >= 90, $"sharing cut stock shortfalls by {cut:0.0} % ({with} with, {without} without), not the 90 % of issue 25");
    }
}
