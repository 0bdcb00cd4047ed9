using System.Data.Common;
using TillSync.Contracts.Reviews;
using TillSync.Hq.Stock;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>Reads review items, their competing sales and resolutions for the manager's API and page.</summary>
public static class ReviewReader
{
    /// <summary>The columns <see cref="Read"/> expects, for <c>review_items r JOIN tills t</c>.</summary>
    public const string Columns =
        "r.review_id, r.kind, r.status, r.store_id, r.till_id, t.name, r.client_order_id, r.bill_no, r.sku, r.short_qty_milli, r.reason, r.detail, r.created_at, r.resolved_at";

    /// <summary>The tables <see cref="Columns"/> come from.</summary>
    public const string From = "review_items r JOIN tills t ON t.till_id = r.till_id";

    /// <summary>Maps a row selected with <see cref="Columns"/>.</summary>
    public static ReviewItemView Read(DbDataReader r)
    {
        var kind = r.GetString(1);
        var reason = r.NullableString(10);
        return new ReviewItemView(
            r.GetInt64(0), kind, r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetString(5), Guid.Parse(r.GetString(6)), r.NullableString(7),
            r.NullableString(8), r.IsDBNull(9) ? null : Quantity.FromMilli(r.GetInt64(9)), reason, r.GetString(11),
            ReviewItems.Guidance(kind, reason), ResolutionActions.AllowedFor(kind), StoredTime.Parse(r.GetString(12)),
            r.IsDBNull(13) ? null : StoredTime.Parse(r.GetString(13)));
    }

    /// <summary>One item, or null.</summary>
    public static Task<ReviewItemView?> FindAsync(DbConnection connection, DbTransaction? transaction, long reviewId, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM {From} WHERE r.review_id = @id", transaction).With("@id", reviewId)
            .FirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>The competing sales stored for an item, newest first.</summary>
    public static Task<List<CompetingSaleView>> CompetingSalesAsync(
        DbConnection connection, DbTransaction? transaction, long reviewId, CancellationToken cancellationToken) =>
        connection.Command("""
            SELECT c.client_order_id, c.bill_no, c.till_id, t.name, c.qty_milli, c.committed_at
            FROM review_competing_sales c JOIN tills t ON t.till_id = c.till_id
            WHERE c.review_id = @id ORDER BY c.committed_at DESC, c.bill_no
            """, transaction)
            .With("@id", reviewId)
            .ListAsync(r => new CompetingSaleView(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2), r.GetString(3),
                Quantity.FromMilli(r.GetInt64(4)), StoredTime.Parse(r.GetString(5))), cancellationToken);

    /// <summary>A resolution by its id, with the movements it wrote; null when there is none.</summary>
    public static async Task<StoredResolution?> ResolutionAsync(
        DbConnection connection, DbTransaction? transaction, string column, object key, CancellationToken cancellationToken)
    {
        var stored = await connection.Command($"""
            SELECT resolution_id, review_id, action, qty_milli, requested_qty_milli, from_store_id, note, resolved_by, resolved_at
            FROM review_resolutions WHERE {column} = @key
            """, transaction)
            .With("@key", key)
            .FirstOrDefaultAsync(r => new StoredResolution(
                new ReviewResolutionView(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : Quantity.FromMilli(r.GetInt64(3)),
                    r.IsDBNull(5) ? null : r.GetInt64(5), r.GetString(6), r.GetString(7), StoredTime.Parse(r.GetString(8)), []),
                r.IsDBNull(4) ? null : r.GetInt64(4)), cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var movements = await connection.Command(
                "SELECT store_id, sku, qty_milli FROM stock_movements WHERE resolution_id = @id ORDER BY movement_id", transaction)
            .With("@id", stored.View.ResolutionId.ToString("D"))
            .ListAsync(r => new ResolutionMovement(r.GetInt64(0), r.GetString(1), Quantity.FromMilli(r.GetInt64(2))), cancellationToken);
        return stored with { View = stored.View with { Movements = movements } };
    }
}

/// <summary>A resolution as stored: the answer, and the quantity as the request gave it (null when it gave none), which
/// an idempotent resend must repeat.</summary>
/// <param name="View">The answer.</param>
/// <param name="RequestedQtyMilli">The request's <c>qty</c> in thousandths, or null.</param>
public sealed record StoredResolution(ReviewResolutionView View, long? RequestedQtyMilli);
