using System.Collections.Concurrent;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Peers;
using TillSync.Till.Storage;

namespace TillSync.Till.Loyalty;

/// <summary>The till's last-known balances: the snapshot's, or a fresher one HQ gave in an online lookup since; and, for an
/// offline burn, the snapshot's balance less the burns made since that it does not count — this till's own, and those it
/// knows other tills of the store made (their documents it holds from the store LAN, docs/store-lan.md) — so that the same
/// points are not spent twice at one counter or at two.</summary>
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
    /// <paramref name="phone"/> since the snapshot's balance was read that it does not count — by this till's own sales
    /// from the snapshot's <c>nextSeq</c> on (HQ read the balance in the same view), and by the other tills' sales this till
    /// holds copies of, from each till's head in the snapshot on (as the stock view counts them). Sales HQ rejected burned
    /// nothing. A balance HQ gave in a lookup after the snapshot already counts what HQ had; it is taken as it is.</summary>
    public async Task<long?> ForBurnAsync(string phone, CancellationToken cancellationToken)
    {
        var known = Known(phone);
        if (known is null || snapshots.Current is not { } snapshot || snapshot.Loyalty?.Customers.FirstOrDefault(c => c.Phone == phone) != known)
        {
            return known?.BalancePoints;
        }

        const string ForPhone = "json_extract(body_json, '$.sale.customer.phone') = @phone";
        await using var connection = await database.OpenAsync(cancellationToken);
        var sales = await connection.Command($"""
            SELECT body_json FROM documents
            WHERE till_seq >= @next AND kind = 'sale' AND sync_state <> 'rejected' AND damage IS NULL AND {ForPhone}
            """).With("@next", snapshot.NextSeq).With("@phone", phone).ListAsync(r => r.GetString(0), cancellationToken);
        sales.AddRange(await PeerCopies.SinceHeadsAsync(connection, snapshot, ["sale"], cancellationToken, (ForPhone, "@phone", phone)));
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
