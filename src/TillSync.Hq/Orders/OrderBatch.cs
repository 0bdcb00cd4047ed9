using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Hq.Reviews;
using TillSync.Hq.Stock;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Orders;

/// <summary>Records the new orders of one sync batch in its transaction: validates each against the rules, the
/// catalogue and the till's bill series; commits it with its lines, payments and stock movements, or records it as
/// rejected; opens review items for rejections and shortfalls.</summary>
public sealed class OrderBatch : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly TillState _till;
    private readonly Dictionary<string, long> _costPaiseBySku;
    private readonly DateTimeOffset _now;
    private readonly OrderWriter _orders;
    private readonly StockLedger _stock;
    private readonly DbCommand _billNoUsed;

    private OrderBatch(DbConnection connection, DbTransaction transaction, TillState till, Dictionary<string, long> costPaiseBySku, DateTimeOffset now)
    {
        _connection = connection;
        _transaction = transaction;
        _till = till;
        _costPaiseBySku = costPaiseBySku;
        _now = now;
        _orders = new OrderWriter(connection, transaction);
        _stock = new StockLedger(connection, transaction);
        _billNoUsed = connection.Command("SELECT 1 FROM orders WHERE till_id = @till AND bill_no = @bill LIMIT 1", transaction)
            .With("@till", till.TillId).With("@bill", "");
    }

    /// <summary>Prepares a batch: loads the catalogue entries the new orders name and, when
    /// <paramref name="lockStockRows"/>, locks their on-hand rows in SKU order.</summary>
    /// <param name="connection">The connection of the sync transaction.</param>
    /// <param name="transaction">The sync transaction.</param>
    /// <param name="till">The till and its store.</param>
    /// <param name="newOrders">The orders of the batch HQ has not seen; replays need nothing here.</param>
    /// <param name="now">The batch's commit time.</param>
    /// <param name="lockStockRows">True on a database with row locks (PostgreSQL): taking every row the batch will
    /// update in one global order means two tills' batches that share SKUs queue instead of deadlocking.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task<OrderBatch> BeginAsync(
        DbConnection connection, DbTransaction transaction, TillState till, IReadOnlyList<OrderDto> newOrders, DateTimeOffset now,
        bool lockStockRows, CancellationToken cancellationToken)
    {
        var skus = newOrders.SelectMany(o => o.Lines).Select(l => l.Sku).Where(OrderRules.IsWellFormedSku).ToHashSet(StringComparer.Ordinal);
        var costs = await CatalogCosts.LoadAsync(connection, transaction, skus, cancellationToken);
        if (lockStockRows)
        {
            await StockLedger.LockOnHandAsync(connection, transaction, till.StoreId, costs.Keys, cancellationToken);
        }

        return new OrderBatch(connection, transaction, till, costs, now);
    }

    /// <summary>Records one new order whose <c>tillSeq</c> is the till's next: <c>created</c> or <c>rejected</c>.</summary>
    public async Task<SyncResult> RecordAsync(OrderDto order, string fingerprint, CancellationToken cancellationToken)
    {
        var problem = OrderRules.Check(order, _till.SellerGstin, _till.BillPrefix, _now)
            ?? UnknownSku(order)
            ?? await BillNoReusedAsync(order, cancellationToken);
        if (problem is not null)
        {
            await RejectAsync(order, fingerprint, problem, cancellationToken);
            return new SyncResult(order.ClientOrderId, order.TillSeq, SyncStatus.Rejected, order.BillNo, _now, false, [],
                problem.Reason, null, problem.Detail);
        }

        var shortfalls = await MoveStockAsync(order, cancellationToken);
        IReadOnlyList<string> flags = shortfalls.Count > 0 ? [OrderFlags.StockShort] : [];
        var recorded = new RecordedOrder(order, _till.StoreId, _till.TillId, OrderStatuses.Committed, null, null, flags, fingerprint, _now);
        await _orders.WriteOrderAsync(recorded, cancellationToken);
        await _orders.WriteLinesAndPaymentsAsync(recorded, OrderTotals.SupplyKindOf(_till.SellerGstin, order.Customer), _costPaiseBySku, cancellationToken);
        foreach (var shortfall in shortfalls)
        {
            await ReviewItems.OpenAsync(_connection, _transaction, shortfall, cancellationToken);
        }

        return new SyncResult(order.ClientOrderId, order.TillSeq, SyncStatus.Created, order.BillNo, _now, false, flags, null, null, null);
    }

    private OrderCheck? UnknownSku(OrderDto order)
    {
        for (var i = 0; i < order.Lines.Count; i++)
        {
            if (!_costPaiseBySku.ContainsKey(order.Lines[i].Sku))
            {
                return new OrderCheck(SyncReasons.UnknownSku, $"line {i + 1}: SKU '{order.Lines[i].Sku}' is not in HQ's catalogue");
            }
        }

        return null;
    }

    private async Task<OrderCheck?> BillNoReusedAsync(OrderDto order, CancellationToken cancellationToken)
    {
        _billNoUsed.Parameters["@bill"].Value = order.BillNo;
        var used = await _billNoUsed.ExecuteScalarAsync(cancellationToken);
        return used is null
            ? null
            : new OrderCheck(SyncReasons.BillNoReused, $"bill number {order.BillNo} is already on another sale of this till");
    }

    private async Task RejectAsync(OrderDto order, string fingerprint, OrderCheck problem, CancellationToken cancellationToken)
    {
        var recorded = new RecordedOrder(order, _till.StoreId, _till.TillId, OrderStatuses.Rejected, problem.Reason, problem.Detail, [], fingerprint, _now);
        await _orders.WriteOrderAsync(recorded, cancellationToken);
        await ReviewItems.OpenAsync(_connection, _transaction, new ReviewItem(
            ReviewItems.RejectedOrder, _till.StoreId, _till.TillId, order.ClientOrderId, null, null, problem.Reason,
            $"Bill {order.BillNo} was rejected: {problem.Detail}.", _now), cancellationToken);
    }

    // Offline sales are facts: stock moves even below zero, and each SKU that crosses below zero opens a review item
    // for the quantity sold beyond what was on hand.
    private async Task<List<ReviewItem>> MoveStockAsync(OrderDto order, CancellationToken cancellationToken)
    {
        var qtyMilliBySku = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in order.Lines)
        {
            qtyMilliBySku[line.Sku] = checked(qtyMilliBySku.GetValueOrDefault(line.Sku) + Quantity.ToMilli(line.Qty));
        }

        var shortfalls = new List<ReviewItem>();
        foreach (var (sku, qtyMilli) in qtyMilliBySku)
        {
            var afterMilli = await _stock.MoveAsync(
                new StockMovement(_till.StoreId, sku, -qtyMilli, StockKinds.Sale, order.ClientOrderId, null, _now), cancellationToken);
            if (afterMilli < 0)
            {
                var shortMilli = Math.Min(qtyMilli, -afterMilli);
                shortfalls.Add(new ReviewItem(ReviewItems.StockShort, _till.StoreId, _till.TillId, order.ClientOrderId, sku, shortMilli, null,
                    string.Create(CultureInfo.InvariantCulture,
                        $"Bill {order.BillNo} sold {Quantity.FromMilli(qtyMilli)} of {sku}; on-hand went from {Quantity.FromMilli(afterMilli + qtyMilli)} to {Quantity.FromMilli(afterMilli)}."),
                    _now));
            }
        }

        return shortfalls;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _orders.DisposeAsync();
        await _stock.DisposeAsync();
        await _billNoUsed.DisposeAsync();
    }
}
