using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>Opens review items — the manager's to-do list of sales that need a decision — in the caller's transaction.</summary>
public static class ReviewItems
{
    /// <summary>A sale took on-hand below zero: the short quantity awaits a resolution.</summary>
    public const string StockShort = "stock_short";

    /// <summary>An order was recorded as never acceptable.</summary>
    public const string RejectedOrder = "rejected_order";

    /// <summary>Opens one item.</summary>
    public static Task<int> OpenAsync(DbConnection connection, DbTransaction transaction, ReviewItem item, CancellationToken cancellationToken) =>
        connection.Command("""
            INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, sku, short_qty_milli, reason, detail, created_at)
            VALUES (@kind, 'open', @store, @till, @order, @sku, @short, @reason, @detail, @at)
            """, transaction)
            .With("@kind", item.Kind).With("@store", item.StoreId).With("@till", item.TillId)
            .With("@order", item.ClientOrderId.ToString("D")).With("@sku", item.Sku).With("@short", item.ShortQtyMilli)
            .With("@reason", item.Reason).With("@detail", item.Detail).With("@at", StoredTime.Text(item.At))
            .ExecuteAsync(cancellationToken);
}

/// <summary>A review item to open.</summary>
/// <param name="Kind"><see cref="ReviewItems.StockShort"/> or <see cref="ReviewItems.RejectedOrder"/>.</param>
/// <param name="StoreId">The store.</param>
/// <param name="TillId">The till that made the sale.</param>
/// <param name="ClientOrderId">The sale.</param>
/// <param name="Sku">For a shortfall, the SKU.</param>
/// <param name="ShortQtyMilli">For a shortfall, how much was sold beyond on-hand, in thousandths.</param>
/// <param name="Reason">For a rejection, the reason code.</param>
/// <param name="Detail">A sentence for the manager.</param>
/// <param name="At">When it was opened.</param>
public sealed record ReviewItem(
    string Kind, long StoreId, long TillId, Guid ClientOrderId, string? Sku, long? ShortQtyMilli, string? Reason,
    string Detail, DateTimeOffset At);
