// The seed set of the simulation suite and how the environment narrows or widens it: the fixed seeds 1..200, which every
// run meets again, plus a few fresh random ones, which no run has met before. TILLSYNC_SEED=n replays one seed exactly
// (a fresh one too: a seed alone decides its run); TILLSYNC_SIM_SEEDS=n sweeps 1..n instead of 1..200 (500 is the full
// sweep, for a change to the simulator or to what it drives); TILLSYNC_SIM_FRESH_SEEDS=k adds k fresh seeds instead of 5.
using System.Globalization;
using System.Security.Cryptography;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Tests;

/// <summary>Which seeds a test run covers and the small shape each seed runs with.</summary>
internal static class SeedSet
{
    /// <summary>Fixed seeds the suite runs by default: 200 of the 500 the sweep had, so that the suite stays under 20
    /// minutes on 2 cores (docs/architecture.md, "Invariants"; bench/RESULTS.md).</summary>
    public const int DefaultCount = 200;

    /// <summary>Fresh random seeds the suite adds by default.</summary>
    public const int DefaultFreshCount = 5;

    // Fresh seeds are drawn above the fixed range, so a report's seed number says which kind it was.
    private const int FreshSeedMin = 1_000_000;

    /// <summary>The seeds to run: one from TILLSYNC_SEED; else the fixed 1..TILLSYNC_SIM_SEEDS (default 200) and
    /// TILLSYNC_SIM_FRESH_SEEDS (default 5) fresh ones, those last.</summary>
    public static (IReadOnlyList<int> Fixed, IReadOnlyList<int> Fresh) Seeds()
    {
        if (Environment.GetEnvironmentVariable("TILLSYNC_SEED") is { Length: > 0 } one)
        {
            return ([int.Parse(one, CultureInfo.InvariantCulture)], []);
        }

        var count = Count("TILLSYNC_SIM_SEEDS", DefaultCount);
        var fresh = Count("TILLSYNC_SIM_FRESH_SEEDS", DefaultFreshCount);
        return ([.. Enumerable.Range(1, count)], [.. Enumerable.Range(0, fresh).Select(_ => RandomNumberGenerator.GetInt32(FreshSeedMin, int.MaxValue))]);
    }

    /// <summary>The whole number in <paramref name="variable"/>, or <paramref name="byDefault"/> when it is unset.</summary>
    public static int Count(string variable, int byDefault) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : byDefault;

    /// <summary>The run of <paramref name="seed"/>: 1 to 4 tills, 10 to 90 orders, fault rate 0 to 0.5 — small, so that
    /// hundreds of seeds fit in minutes, and varied, so that every fault meets every kind of run.</summary>
    public static SimulationOptions Shape(int seed)
    {
        var shape = new Random(seed);
        return new SimulationOptions(seed, Tills: shape.Next(1, 5), Orders: shape.Next(10, 91), FaultRate: shape.Next(0, 6) / 10.0)
        {
            DataRoot = DataRoot,
        };
    }

    /// <summary>Runs live in memory when the machine has a RAM disk: the simulation tests logic, not disks.</summary>
    public static string? DataRoot => Directory.Exists("/dev/shm") ? "/dev/shm" : null;
}
