using System.Data.Common;
using TillSync.Contracts.Loyalty;
using TillSync.Core;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>The loyalty part of the till snapshot. Balances are bounded: only customers with a movement in the last
/// <c>snapshotActiveDays</c>, the most recent first, at most <see cref="Limits.LoyaltySnapshotCustomersMax"/>; an online
/// till looks up anyone else with <c>GET /api/v1/till/loyalty/{phone}</c>, and an offline till treats an unknown customer as
/// balance 0 (earn only).</summary>
public static class LoyaltySnapshot
{
    /// <summary>Settings and recent balances, in the snapshot's read transaction.</summary>
    public static async Task<SnapshotLoyalty> ReadAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await LoyaltySettings.ReadAsync(connection, transaction, cancellationToken);
        var customers = await connection.Command($"""
            SELECT phone, balance_points FROM loyalty_customers WHERE last_activity_at >= @since
            ORDER BY last_activity_at DESC, phone LIMIT {Limits.LoyaltySnapshotCustomersMax}
            """, transaction)
            .With("@since", StoredTime.Text(now.AddDays(-settings.SnapshotActiveDays)))
            .ListAsync(r => new LoyaltyBalance(r.GetString(0), r.GetInt64(1), now), cancellationToken);
        return new SnapshotLoyalty(settings, customers);
    }

    /// <summary>The balances of the customers with a movement after <paramref name="movementId"/>, for a till's snapshot
    /// delta (docs/sync.md): a movement is the only thing that changes a balance.</summary>
    public static Task<List<LoyaltyBalance>> MovedSinceAsync(
        DbConnection connection, DbTransaction transaction, long movementId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.Command($"""
            SELECT phone, balance_points FROM loyalty_customers
            WHERE phone IN (SELECT phone FROM loyalty_movements WHERE movement_id > @after)
            ORDER BY last_activity_at DESC, phone LIMIT {Limits.LoyaltySnapshotCustomersMax}
            """, transaction)
            .With("@after", movementId)
            .ListAsync(r => new LoyaltyBalance(r.GetString(0), r.GetInt64(1), now), cancellationToken);
}
