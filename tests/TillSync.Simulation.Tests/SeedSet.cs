// The fixed seed set of the simulation suite and how the environment narrows or widens it: TILLSYNC_SEED=n replays one
// seed exactly; TILLSYNC_SIM_SEEDS=n sweeps seeds 1..n instead of the default 500.
using System.Globalization;
using TillSync.Simulation.Runs;

namespace TillSync.Simulation.Tests;

/// <summary>Which seeds a test run covers and the small shape each seed runs with.</summary>
internal static class SeedSet
{
    /// <summary>Seeds the suite runs by default.</summary>
    public const int DefaultCount = 500;

    /// <summary>The seeds to run: one from TILLSYNC_SEED, else 1..TILLSYNC_SIM_SEEDS, else 1..500.</summary>
    public static IReadOnlyList<int> Seeds()
    {
        if (Environment.GetEnvironmentVariable("TILLSYNC_SEED") is { Length: > 0 } one)
        {
            return [int.Parse(one, CultureInfo.InvariantCulture)];
        }

        var count = Environment.GetEnvironmentVariable("TILLSYNC_SIM_SEEDS") is { Length: > 0 } many
            ? int.Parse(many, CultureInfo.InvariantCulture)
            : DefaultCount;
        return [.. Enumerable.Range(1, count)];
    }

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
