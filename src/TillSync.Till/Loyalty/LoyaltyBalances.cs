using System.Collections.Concurrent;
using TillSync.Contracts.Loyalty;
using TillSync.Till.Catalog;

namespace TillSync.Till.Loyalty;

/// <summary>The till's last-known balances: the snapshot's, or a fresher one HQ gave in an online lookup since.</summary>
public sealed class LoyaltyBalances(SnapshotStore snapshots)
{
    private const int LookupsKeptMax = 1_000;
    private readonly ConcurrentDictionary<string, LoyaltyBalance> _looked = new(StringComparer.Ordinal);

    /// <summary>The freshest known balance of <paramref name="phone"/>, or null.</summary>
    public LoyaltyBalance? Known(string phone)
    {
        var fromSnapshot = snapshots.Current?.Loyalty?.Customers.FirstOrDefault(c => c.Phone == phone);
        return _looked.TryGetValue(phone, out var looked) && (fromSnapshot is null || looked.AsOf > fromSnapshot.AsOf) ? looked : fromSnapshot;
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
