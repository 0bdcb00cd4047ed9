using System.Data.Common;
using TillSync.Contracts.Stock;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Stock;

/// <summary>Read-only stock views for managers: on-hand per store with filters, and one SKU's movement history.</summary>
public static class StockReports
{
    /// <summary>Rows in one page of either listing.</summary>
    public const int PageSizeMax = 500;

    /// <summary><c>GET /api/v1/stock?storeId=&amp;q=&amp;negativeOnly=&amp;after=&amp;limit=</c>: catalogue SKUs in SKU order with on-hand
    /// in the store (0 for a SKU that never moved); <c>q</c> matches the start of the SKU or any part of the name,
    /// <c>negativeOnly</c> keeps the SKUs below zero.</summary>
    public static async Task<IResult> ListAsync(HttpContext http, HqDatabase database, long? storeId, string? q, bool? negativeOnly, string? after, int? limit)
    {
        var pageSize = limit ?? 100;
        if (pageSize is < 1 or > PageSizeMax || q is { Length: > 64 })
        {
            return Problems.BadRequest($"limit must be 1 to {PageSizeMax} and q at most 64 characters.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var store = await StoreReader.ResolveAsync(connection, null, storeId, http.RequestAborted);
        if (store is null)
        {
            return Problems.BadRequest(storeId is null ? "No default store yet; configure it with PUT /api/v1/store." : $"storeId {storeId} is not a store.");
        }

        var command = connection.Command($"""
            SELECT p.sku, p.name, p.unit, COALESCE(s.qty_milli, 0),
                   (SELECT COUNT(*) FROM review_items r WHERE r.store_id = @store AND r.sku = p.sku AND r.kind = 'stock_short' AND r.status = 'open')
            FROM products p LEFT JOIN stock_on_hand s ON s.store_id = @store AND s.sku = p.sku
            WHERE p.sku > @after
              {(string.IsNullOrEmpty(q) ? "" : $"AND (p.sku LIKE @prefix {LikePattern.EscapeSql} OR LOWER(p.name) LIKE @contains {LikePattern.EscapeSql})")}
              {(negativeOnly == true ? "AND COALESCE(s.qty_milli, 0) < 0" : "")}
            ORDER BY p.sku LIMIT @limit
            """)
            .With("@store", store.Value).With("@after", after ?? "").With("@limit", pageSize + 1);
        if (!string.IsNullOrEmpty(q))
        {
            command.With("@prefix", LikePattern.Prefix(q.ToUpperInvariant())).With("@contains", LikePattern.Contains(q.ToLowerInvariant()));
        }

        var items = await command.ListAsync(
            r => new StockListItem(r.GetString(0), r.GetString(1), r.GetString(2), Quantity.FromMilli(r.GetInt64(3)), Convert.ToInt32(r.GetInt64(4))),
            http.RequestAborted);
        var more = items.Count > pageSize;
        if (more)
        {
            items.RemoveAt(items.Count - 1);
        }

        return TypedResults.Ok(new StockListPage(store.Value, items, more ? items[^1].Sku : null));
    }

    /// <summary><c>GET /api/v1/stock/{sku}/movements?storeId=&amp;after=&amp;limit=</c>: the SKU's movements in the store,
    /// oldest first, each with on-hand right after it.</summary>
    public static async Task<IResult> MovementsAsync(HttpContext http, HqDatabase database, string sku, long? storeId, long? after, int? limit)
    {
        var pageSize = limit ?? 100;
        if (pageSize is < 1 or > PageSizeMax || after < 0)
        {
            return Problems.BadRequest($"limit must be 1 to {PageSizeMax} and after must not be negative.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginReadAsync(connection, http.RequestAborted);
        var (store, missing) = await FindStoreAndSkuAsync(connection, storeId, sku, http.RequestAborted, transaction);
        if (missing is not null)
        {
            return missing;
        }

        var before = Convert.ToInt64(await connection.Command(
                "SELECT COALESCE(SUM(qty_milli), 0) FROM stock_movements WHERE store_id = @store AND sku = @sku AND movement_id <= @after", transaction)
            .With("@store", store).With("@sku", sku).With("@after", after ?? 0L).ScalarAsync(http.RequestAborted), System.Globalization.CultureInfo.InvariantCulture);
        var rows = await connection.Command("""
            SELECT m.movement_id, m.kind, m.qty_milli, m.client_order_id, o.bill_no, m.receipt_id, m.adjustment_id, m.resolution_id, m.created_at,
                   COALESCE(a.reason, r.note), COALESCE(a.created_by, r.created_by)
            FROM stock_movements m LEFT JOIN orders o ON o.client_order_id = m.client_order_id
                LEFT JOIN stock_adjustments a ON a.adjustment_id = m.adjustment_id
                LEFT JOIN stock_receipts r ON r.receipt_id = m.receipt_id
            WHERE m.store_id = @store AND m.sku = @sku AND m.movement_id > @after
            ORDER BY m.movement_id LIMIT @limit
            """, transaction)
            .With("@store", store).With("@sku", sku).With("@after", after ?? 0L).With("@limit", pageSize + 1)
            .ListAsync(r => (Id: r.GetInt64(0), Kind: r.GetString(1), QtyMilli: r.GetInt64(2), Order: r.NullableString(3), BillNo: r.NullableString(4),
                Receipt: NullableLong(r, 5), Adjustment: NullableLong(r, 6), Resolution: r.NullableString(7), At: StoredTime.Parse(r.GetString(8)),
                Note: r.NullableString(9), By: r.NullableString(10)),
                http.RequestAborted);
        var onHandMilli = await StockLedger.OnHandMilliAsync(connection, store, sku, http.RequestAborted, transaction);
        await transaction.CommitAsync(http.RequestAborted);
        var more = rows.Count > pageSize;
        var movements = new List<StockMovementView>(rows.Count);
        var runningMilli = before;
        foreach (var m in rows.Take(pageSize))
        {
            runningMilli = checked(runningMilli + m.QtyMilli);
            movements.Add(new StockMovementView(m.Id, m.Kind, Quantity.FromMilli(m.QtyMilli), Quantity.FromMilli(runningMilli),
                m.Order is null ? null : Guid.Parse(m.Order), m.BillNo, m.Receipt, m.Adjustment, m.Resolution is null ? null : Guid.Parse(m.Resolution), m.At,
                m.Note, m.By));
        }

        return TypedResults.Ok(new StockMovementPage(sku, store, Quantity.FromMilli(onHandMilli), movements, more ? movements[^1].MovementId : null));
    }

    /// <summary>The store a request names (or the default store) and whether the SKU is in the catalogue: a 404 problem
    /// when either is missing.</summary>
    public static async Task<(long StoreId, IResult? Missing)> FindStoreAndSkuAsync(
        DbConnection connection, long? storeId, string sku, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var store = await StoreReader.ResolveAsync(connection, transaction, storeId, cancellationToken);
        if (store is null)
        {
            return (0, Problems.NotFound(storeId is null ? "No default store yet; configure it with PUT /api/v1/store." : $"storeId {storeId} is not a store."));
        }

        var exists = await connection.Command("SELECT 1 FROM products WHERE sku = @sku", transaction).With("@sku", sku).ScalarAsync(cancellationToken);
        return exists is null ? (0, Problems.NotFound($"SKU '{(sku.Length > 40 ? sku[..40] : sku)}' is not in the catalogue.")) : (store.Value, null);
    }

    private static long? NullableLong(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt64(ordinal);
}
