using Microsoft.Data.Sqlite;
using TillSync.Simulation.Shop;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>The manager's price changes at HQ, the price each sale was billed at by its till, and when HQ committed each
/// order.</summary>
/// <param name="Changes">Every price change at HQ, in order.</param>
/// <param name="Billed">Each sale rung up, by its id, with the prices of the till's catalogue at that moment.</param>
/// <param name="CommittedAtByOrder">When HQ committed each order (<c>orders.committed_at</c>).</param>
public sealed record PriceFacts(
    IReadOnlyList<PriceChange> Changes, IReadOnlyDictionary<Guid, BilledSale> Billed, IReadOnlyDictionary<Guid, DateTimeOffset> CommittedAtByOrder)
{
    /// <summary>Reads HQ's side through <paramref name="hq"/>.</summary>
    public static async Task<PriceFacts> ReadAsync(
        SqliteConnection hq, IReadOnlyList<PriceChange> changes, IReadOnlyDictionary<Guid, BilledSale> billed, CancellationToken cancellationToken)
    {
        var committed = await hq.Command("SELECT client_order_id, committed_at FROM orders")
            .ListAsync(r => (Guid.Parse(r.GetString(0)), StoredTime.Parse(r.GetString(1))), cancellationToken);
        return new PriceFacts(changes, billed, committed.ToDictionary());
    }

    /// <summary>HQ's price of <paramref name="sku"/> at <paramref name="at"/>.</summary>
    public long HqPricePaise(string sku, DateTimeOffset at) =>
        Changes.LastOrDefault(c => c.Sku == sku && c.At <= at)?.PricePaise ?? SimCatalog.Products.Single(p => p.Sku == sku).PricePaise;
}
