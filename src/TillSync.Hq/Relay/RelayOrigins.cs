using TillSync.Hq.Access;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Relay;

/// <summary>Who may be relayed for (ADR 0020): only another till of the relaying till's own store. The tills of a store hold
/// each other's public keys from the snapshot and take a peer's documents only when they verify, so a group of any other
/// till means a broken or forged relay, and the whole request is refused (403) with nothing stored.</summary>
public static class RelayOrigins
{
    /// <summary>The tills among <paramref name="tillIds"/> that exist, by id.</summary>
    public static async Task<Dictionary<long, RelayOrigin>> FindAsync(HqDatabase database, IReadOnlyList<long> tillIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var origins = await database.Engine.ListWhereInAsync(connection, null,
            "SELECT till_id, store_id, name, revoked_at FROM tills WHERE till_id IN ({list})", tillIds.Select(id => (object)id), [],
            r => new RelayOrigin(new Caller(CallerKind.Till, r.GetInt64(0), r.GetInt64(1), r.GetString(2)), !r.IsDBNull(3)), cancellationToken);
        return origins.ToDictionary(o => o.Till.Id);
    }

    /// <summary>The sentence of the 403 when a group is not of another till of <paramref name="relaying"/>'s store, or null.
    /// An unknown till and another store's read alike, so that a till learns nothing of other stores.</summary>
    public static string? Problem(Caller relaying, IReadOnlyList<RelayGroup> groups, IReadOnlyDictionary<long, RelayOrigin> origins)
    {
        for (var i = 0; i < groups.Count; i++)
        {
            if (!origins.TryGetValue(groups[i].TillId, out var origin) || origin.Till.StoreId != relaying.StoreId)
            {
                return $"groups[{i}]: till {groups[i].TillId} is not a till of this till's store; a till relays only the documents of its own store's tills. Nothing was stored.";
            }
        }

        return null;
    }
}
