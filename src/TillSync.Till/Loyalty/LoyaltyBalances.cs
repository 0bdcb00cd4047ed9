using System.Collections.Concurrent;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Till.Catalog;
using TillSync.Till.Peers;
using TillSync.Till.Storage;

namespace TillSync.Till.Loyalty;

/// <summary>The till's last-known balances: the snapshot's, or a fresher one HQ gave in an online lookup since; and, for an
/// offline burn, the snapshot's balance less the burns this till knows other tills of the store made since (their
/// documents it holds from the store LAN, docs/store-lan.md), so that the same points are not spent at two counters.</summary>
public sealed class LoyaltyBalances(SnapshotStore snapshots, TillDatabase database)
{
    private const int LookupsKeptMax = 1_000;
    private readonly ConcurrentDictionary<string, LoyaltyBalance> _looked = new(StringComparer.Ordinal);

    /// <summary>The freshest known balance of <paramref name="phone"/>, or null.</summary>
    public LoyaltyBalance? Known(string phone)
    {
        var fromSnapshot = snapshots.Current?.Loyalty?.Customers.FirstOrDefault(c => c.Phone == phone);
        return _looked.TryGetValue(phone, out var looked) && (fromSnapshot is null || looked.AsOf > fromSnapshot.AsOf) ? looked : fromSnapshot;
    }

    /// <summary>The balance an offline burn is checked against: <see cref="Known"/>, less the points burned for
    /// <paramref name="phone"/> by the other tills' sales this till holds copies of that the snapshot's balance does not
    /// count (from each till's head in the snapshot on, as the stock view counts them). A balance HQ gave in a lookup after
    /// the snapshot already counts what HQ had; it is taken as it is.</summary>
    public async Task<long?> ForBurnAsync(string phone, CancellationToken cancellationToken)
    {
        var known = Known(phone);
        if (known is null || snapshots.Current is not { TillHeads: not null } snapshot
            || snapshot.Loyalty?.Customers.FirstOrDefault(c => c.Phone == phone) != known)
        {
            return known?.BalancePoints;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var sales = await PeerCopies.SinceHeadsAsync(
            connection, snapshot, ["sale"], cancellationToken, ("json_extract(body_json, '$.sale.customer.phone') = @phone", "@phone", phone));
        var burned = 0L;
        foreach (var body in sales)
        {
            burned = checked(burned + (JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.TillDocumentDto)!.Sale?.Loyalty?.BurnPoints ?? 0));
        }

        return checked(known.BalancePoints - burned);
    }

    /// <summary>Remembers a balance HQ just gave.</summary>
    public void Remember(LoyaltyBalance balance)
    {
        if (_looked.Count >= LookupsKeptMax)
        {
            _looked.Clear();
        }

        _looked[balance.Phone] = balance;
    }
}
