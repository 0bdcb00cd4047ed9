using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Hq.Stock;

/// <summary>Writes stock movements and keeps <c>stock_on_hand</c> equal to their sum, in the caller's transaction.
/// Commands are prepared once and reused for every movement of a unit of work.</summary>
public sealed class StockLedger : IAsyncDisposable
{
    private readonly DbCommand _insertMovement;
    private readonly DbCommand _addOnHand;

    /// <summary>A ledger writing in <paramref name="transaction"/>.</summary>
    public StockLedger(DbConnection connection, DbTransaction transaction)
    {
        _insertMovement = connection.Command("""
            INSERT INTO stock_movements (store_id, sku, qty_milli, kind, client_order_id, receipt_id, adjustment_id, resolution_id, created_at)
            VALUES (@store, @sku, @qty, @kind, @order, @receipt, @adjustment, @resolution, @at)
            """, transaction)
            .With("@store", 0L).With("@sku", "").With("@qty", 0L).With("@kind", "").With("@order", null)
            .With("@receipt", null).With("@adjustment", null).With("@resolution", null).With("@at", "");
        _addOnHand = connection.Command("""
            INSERT INTO stock_on_hand (store_id, sku, qty_milli) VALUES (@store, @sku, @qty)
            ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = stock_on_hand.qty_milli + excluded.qty_milli
            RETURNING qty_milli
            """, transaction)
            .With("@store", 0L).With("@sku", "").With("@qty", 0L);
    }

    /// <summary>Records one movement (<c>QtyMilli</c> negative for a sale) and returns on-hand after it. On-hand is
    /// updated first: on PostgreSQL that takes the row lock before the movement draws its id, so movement ids of one
    /// SKU in one store follow the order in which its on-hand changed (the walk back to competing sales relies on it).</summary>
    public async Task<long> MoveAsync(StockMovement movement, CancellationToken cancellationToken)
    {
        _addOnHand.Set("@store", movement.StoreId);
        _addOnHand.Set("@sku", movement.Sku);
        _addOnHand.Set("@qty", movement.QtyMilli);
        var onHandMilli = Convert.ToInt64(await _addOnHand.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        _insertMovement.Set("@store", movement.StoreId);
        _insertMovement.Set("@sku", movement.Sku);
        _insertMovement.Set("@qty", movement.QtyMilli);
        _insertMovement.Set("@kind", movement.Kind);
        _insertMovement.Set("@order", movement.ClientOrderId?.ToString("D"));
        _insertMovement.Set("@receipt", movement.ReceiptId);
        _insertMovement.Set("@adjustment", movement.AdjustmentId);
        _insertMovement.Set("@resolution", movement.ResolutionId?.ToString("D"));
        _insertMovement.Set("@at", StoredTime.Text(movement.At));
        await _insertMovement.ExecuteNonQueryAsync(cancellationToken);
        return onHandMilli;
    }

    /// <summary>On-hand of one SKU in one store, in thousandths; 0 when it never moved.</summary>
    public static async Task<long> OnHandMilliAsync(
        DbConnection connection, long storeId, string sku, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var value = await connection.Command("SELECT qty_milli FROM stock_on_hand WHERE store_id = @store AND sku = @sku", transaction)
            .With("@store", storeId).With("@sku", sku).ScalarAsync(cancellationToken);
        return value is null ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _insertMovement.DisposeAsync();
        await _addOnHand.DisposeAsync();
    }
}

/// <summary>One stock movement. Kinds: <c>sale</c>, <c>receipt</c>, <c>adjustment</c>, <c>resolution</c>.</summary>
/// <param name="StoreId">The store whose stock moves.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="QtyMilli">Signed thousandths of a unit: negative out, positive in.</param>
/// <param name="Kind">Why it moved.</param>
/// <param name="ClientOrderId">The sale that moved it, if any.</param>
/// <param name="ReceiptId">The receipt that moved it, if any.</param>
/// <param name="At">When.</param>
/// <param name="AdjustmentId">The manager's adjustment that moved it, if any.</param>
/// <param name="ResolutionId">The review resolution that moved it, if any.</param>
public sealed record StockMovement(
    long StoreId, string Sku, long QtyMilli, string Kind, Guid? ClientOrderId, long? ReceiptId, DateTimeOffset At,
    long? AdjustmentId = null, Guid? ResolutionId = null);
