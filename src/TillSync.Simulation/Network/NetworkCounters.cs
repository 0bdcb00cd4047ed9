namespace TillSync.Simulation.Network;

/// <summary>What the network did and what HQ answered, counted over every delivery — also the ones whose answer was lost.</summary>
public sealed class NetworkCounters
{
    private readonly Dictionary<Fate, int> _fates = [];

    /// <summary>Requests refused because the till was cut off or HQ was down.</summary>
    public int Refused { get; set; }

    /// <summary>Requests that reached HQ (stale copies included).</summary>
    public int Delivered { get; set; }

    /// <summary>Delayed copies that were lost anyway (HQ down or the till cut off when they arrived).</summary>
    public int StaleCopiesLost { get; set; }

    /// <summary>HQ's <c>duplicate</c> answers per till number: replays HQ suppressed.</summary>
    public Dictionary<int, int> DuplicatesByTill { get; } = [];

    /// <summary>HQ's <c>conflict</c> answers per till number.</summary>
    public Dictionary<int, int> ConflictsByTill { get; } = [];

    /// <summary>HQ's first-time <c>rejected</c> answers per till number.</summary>
    public Dictionary<int, int> RejectionsByTill { get; } = [];

    /// <summary>How often each fate struck.</summary>
    public IReadOnlyDictionary<Fate, int> Fates => _fates;

    /// <summary>Counts one fate.</summary>
    public void Count(Fate fate) => _fates[fate] = _fates.GetValueOrDefault(fate) + 1;

    /// <summary>How often <paramref name="fate"/> struck.</summary>
    public int Of(Fate fate) => _fates.GetValueOrDefault(fate);

    /// <summary>Adds one to <paramref name="counts"/>[<paramref name="tillNumber"/>].</summary>
    public static void Add(Dictionary<int, int> counts, int tillNumber) => counts[tillNumber] = counts.GetValueOrDefault(tillNumber) + 1;
}
