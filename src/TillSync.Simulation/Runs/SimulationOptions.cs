using System.Globalization;

namespace TillSync.Simulation.Runs;

/// <summary>One simulation run. Everything random in it follows from <see cref="Seed"/>.</summary>
/// <param name="Seed">The seed; the same seed replays the same run.</param>
/// <param name="Tills">How many tills, 1 to <see cref="TillsMax"/>.</param>
/// <param name="Orders">How many sales in all, spread over the tills, 1 to <see cref="OrdersMax"/>.</param>
/// <param name="FaultRate">0 to 1: the chance that one request meets a network fault, and how often tills and HQ crash
/// and tills are cut off.</param>
public sealed record SimulationOptions(int Seed, int Tills = 3, int Orders = 100, double FaultRate = 0.3)
{
    /// <summary>The most tills a run may have.</summary>
    public const int TillsMax = 32;

    /// <summary>The most orders a run may have.</summary>
    public const int OrdersMax = 200_000;

    /// <summary>Where the run's SQLite files go (a fresh directory inside it); null for the system's temp directory.</summary>
    public string? DataRoot { get; init; }

    /// <summary>The store LAN and what strikes it (<see cref="Lan.LanScenario"/>); none by default.</summary>
    public Lan.LanScenario Lan { get; init; }

    /// <summary>Keep the run's files afterwards (for a look at a failing seed).</summary>
    public bool KeepData { get; init; }

    /// <summary>Test-only fault: HQ treats every id as one it has never seen (<c>SyncProcessor.ForgetKnownIds</c>), to
    /// prove that the checker catches broken dedup. Not reachable from <c>tillsync simulate</c>.</summary>
    internal bool ForgetKnownIds { get; init; }

    /// <summary>Test-only bug planted in HQ (<see cref="Nodes.HqBug"/>), to prove that the checker catches it. Not reachable
    /// from <c>tillsync simulate</c>.</summary>
    internal Nodes.HqBug Bug { get; init; }

    /// <summary>Test-only bug planted in every till (<see cref="Nodes.TillBug"/>), to prove that the checker catches it. Not
    /// reachable from <c>tillsync simulate</c>.</summary>
    internal Nodes.TillBug TillBug { get; init; }

    /// <summary>A sentence saying what is wrong with these options, or null when they can run.</summary>
    public string? Problem() =>
        Tills is < 1 or > TillsMax ? string.Create(CultureInfo.InvariantCulture, $"--tills must be between 1 and {TillsMax}; got {Tills}.")
        : Orders is < 1 or > OrdersMax ? string.Create(CultureInfo.InvariantCulture, $"--orders must be between 1 and {OrdersMax}; got {Orders}.")
        : FaultRate is < 0 or > 1 || double.IsNaN(FaultRate) ? string.Create(CultureInfo.InvariantCulture, $"--fault-rate must be between 0 and 1; got {FaultRate}.")
        : null;
}
