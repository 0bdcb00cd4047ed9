namespace TillSync.Hq.Pricing;

/// <summary>Reading a history (<see cref="Versioned{T}"/> rows of one thing) as the till may have known it.</summary>
public static class History
{
    /// <summary>The value in force at <paramref name="version"/>: the row of the highest version not above it, or null.</summary>
    public static T? AtVersion<T>(IEnumerable<Versioned<T>> rows, long version) where T : class =>
        rows.Where(r => r.Version <= version).MaxBy(r => r.Version)?.Value;

    /// <summary>The value in force at <paramref name="at"/>: the last row that took effect by then, or null.</summary>
    public static T? AtTime<T>(IEnumerable<Versioned<T>> rows, DateTimeOffset at) where T : class =>
        rows.Where(r => r.EffectiveAt <= at).MaxBy(r => (r.EffectiveAt, r.Version))?.Value;

    /// <summary>What a till may have known when it made a sale at <paramref name="at"/> from a snapshot of
    /// <paramref name="version"/> (null: unknown): the value in force at that version, then the one in force at the sale's
    /// time, without repeats. Empty when the history begins after both.</summary>
    public static IReadOnlyList<T> Known<T>(IReadOnlyList<Versioned<T>> rows, long? version, DateTimeOffset at) where T : class
    {
        List<T> known = [];
        if (version is { } v && AtVersion(rows, v) is { } atVersion)
        {
            known.Add(atVersion);
        }

        if (AtTime(rows, at) is { } atTime && !known.Contains(atTime))
        {
            known.Add(atTime);
        }

        return known;
    }
}
