using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>The promotions the manager ran at HQ, as HQ recorded them (<c>promotions</c>): when each was created and ended,
/// and under which pricing versions.</summary>
/// <param name="ById">Every promotion, by its id.</param>
public sealed record PromotionFacts(IReadOnlyDictionary<long, HqPromotion> ById)
{
    /// <summary>Reads HQ's promotions through <paramref name="hq"/>.</summary>
    public static async Task<PromotionFacts> ReadAsync(SqliteConnection hq, CancellationToken cancellationToken)
    {
        var rows = await hq.Command("""
            SELECT promotion_id, kind, valid_from, valid_to, created_version, created_at, ended_at, ended_version FROM promotions
            """).ListAsync(r => new HqPromotion(r.GetInt64(0), r.GetString(1), StoredTime.Parse(r.GetString(2)), StoredTime.Parse(r.GetString(3)),
                r.GetInt64(4), StoredTime.Parse(r.GetString(5)), r.IsDBNull(6) ? null : StoredTime.Parse(r.GetString(6)), r.IsDBNull(7) ? null : r.GetInt64(7)),
                cancellationToken);
        return new PromotionFacts(rows.ToDictionary(p => p.Id));
    }
}

/// <summary>One promotion as HQ recorded it.</summary>
public sealed record HqPromotion(
    long Id, string Kind, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, long CreatedVersion, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt,
    long? EndedVersion)
{
    /// <summary>Whether a till could apply this promotion to a sale it priced with pricing version <paramref name="version"/>
    /// (null: it sent none) at <paramref name="at"/> — the checker's own reading of docs/pricing.md, "HQ checks each claim":
    /// known to the till (created within its version, or before the sale), and within its window, where an end early
    /// counts only when the till knew of it.</summary>
    public bool InForceFor(long? version, DateTimeOffset at)
    {
        var known = (version is { } v && CreatedVersion <= v) || CreatedAt <= at;
        var endKnown = EndedAt is { } ended && ended < ValidTo && (version is null || EndedVersion <= version);
        var until = endKnown ? EndedAt!.Value : ValidTo;
        return known && ValidFrom <= at && at < until;
    }
}
