using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Accounting;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Reviews;
using TillSync.Hq.Stock;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Orders;

/// <summary>Records the new orders of one sync batch. What an order's acceptance depends on — the catalogue entries,
/// the till's bill numbers already used, the loyalty balances — is read once when the batch begins; each order is then
/// decided in memory, in <c>tillSeq</c> order (<see cref="Record"/>), and the whole batch is written at the end in the
/// same transaction (<see cref="FlushAsync"/>) in two steps. First what no other till's batch touches: orders, lines,
/// payments, each sale's journal entry, each B2B sale's e-invoice outbox row and the loyalty movements. Then the stock,
/// which every till of the store shares: on-hand of the batch's SKUs is read (and locked on PostgreSQL), the orders are
/// replayed against it in <c>tillSeq</c> order to find those that took a SKU below zero, and the movements, review
/// items, the short orders' <c>stock_short</c> flag and the new on-hand are written. On PostgreSQL the shared on-hand
/// rows are therefore locked only for that last step and the commit, not for the whole batch (bench/RESULTS.md); on
/// SQLite the write transaction already excludes every other writer.</summary>
public sealed class OrderBatch
{
    private readonly TillState _till;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, long> _costPaiseBySku;
    private readonly bool _lockStockRows;
    private readonly List<(OrderDto Order, Dictionary<string, long> QtyMilliBySku)> _stockSales = [];
    private readonly HashSet<Guid> _shortOrders = [];
    private readonly Dictionary<Guid, IReadOnlyList<string>> _flags = [];
    private readonly HashSet<string> _usedBillNos;
    private readonly HashSet<string> _movedSkus = new(StringComparer.Ordinal);
    private readonly BulkInsert _orders;
    private readonly BulkInsert _lines;
    private readonly BulkInsert _payments;
    private readonly BulkInsert _movements;
    private readonly BulkInsert _reviews;
    private readonly BulkInsert _onHand;
    private readonly JournalWriter _journal;
    private readonly int _parametersPerStatement;
    private readonly HashSet<Guid> _reviewedOrders = [];
    private readonly List<Shortfall> _shortfalls = [];
    private readonly EInvoiceOutbox _einvoices;
    private readonly LoyaltyBatch _loyalty;

    private OrderBatch(
        TillState till, DateTimeOffset now, Dictionary<string, long> costPaiseBySku, bool lockStockRows, HashSet<string> usedBillNos,
        int parametersPerStatement, LoyaltyBatch loyalty)
    {
        _loyalty = loyalty;
        _till = till;
        _now = now;
        _costPaiseBySku = costPaiseBySku;
        _lockStockRows = lockStockRows;
        _usedBillNos = usedBillNos;
        var n = parametersPerStatement;
        _parametersPerStatement = n;
        _orders = new("orders",
            ["client_order_id", "store_id", "till_id", "till_seq", "bill_no", "status", "reason", "detail", "flags", "fingerprint", "created_at",
             "committed_at", "customer_gstin", "taxable_paise", "cgst_paise", "sgst_paise", "igst_paise", "round_off_paise", "total_paise", "body_json",
             "inter_state"], n);
        _lines = new("order_lines",
            ["client_order_id", "line_no", "store_id", "sku", "qty_milli", "unit_price_paise", "discount_paise", "gst_rate_bp", "taxable_paise",
             "cgst_paise", "sgst_paise", "igst_paise", "cost_paise"], n);
        _payments = new("order_payments", ["client_order_id", "payment_no", "store_id", "method", "amount_paise"], n);
        _movements = new("stock_movements", ["store_id", "sku", "qty_milli", "kind", "client_order_id", "receipt_id", "created_at"], n);
        _reviews = new("review_items",
            ["kind", "status", "store_id", "till_id", "client_order_id", "bill_no", "sku", "short_qty_milli", "reason", "detail", "created_at"], n);
        _onHand = new("stock_on_hand", ["store_id", "sku", "qty_milli"], n, "ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = excluded.qty_milli");
        _journal = new JournalWriter(n);
        _einvoices = new EInvoiceOutbox(n);
    }

    /// <summary>Reads what the batch's new orders depend on.</summary>
    /// <param name="connection">The connection of the sync transaction.</param>
    /// <param name="transaction">The sync transaction.</param>
    /// <param name="till">The till and its store.</param>
    /// <param name="newOrders">The orders of the batch HQ has not seen; replays need nothing here.</param>
    /// <param name="now">The batch's commit time.</param>
    /// <param name="lockStockRows">True on a database with row locks (PostgreSQL): taking every on-hand row the batch
    /// will update (at <see cref="FlushAsync"/>), in one global order, makes two tills' batches that share SKUs queue
    /// instead of deadlocking; the loyalty rows likewise.</param>
    /// <param name="parametersPerStatement">Values per multi-row insert, the engine's best.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<OrderBatch> BeginAsync(
        DbConnection connection, DbTransaction transaction, TillState till, IReadOnlyList<OrderDto> newOrders, DateTimeOffset now,
        bool lockStockRows, int parametersPerStatement, CancellationToken cancellationToken)
    {
        var skus = newOrders.SelectMany(o => o.Lines).Select(l => l.Sku).Where(OrderRules.IsWellFormedSku).ToHashSet(StringComparer.Ordinal);
        var costs = await CatalogCosts.LoadAsync(connection, transaction, skus, cancellationToken);
        var billNos = newOrders.Select(o => o.BillNo).Where(BillNumber.IsWellFormed).ToList();
        var used = await UsedBillNosAsync(connection, transaction, till.TillId, billNos, cancellationToken);
        var loyalty = await LoyaltyBatch.BeginAsync(
            connection, transaction, till.StoreId, till.TillId, newOrders, lockStockRows, parametersPerStatement, cancellationToken);
        return new OrderBatch(till, now, costs, lockStockRows, used, parametersPerStatement, loyalty);
    }

    /// <summary>Decides one new order whose <c>tillSeq</c> is the till's next — <c>created</c> or <c>rejected</c> — and
    /// queues its rows for <see cref="FlushAsync"/>. Whether a created order took stock below zero is known only after
    /// the flush: <see cref="WithStockFlag"/> then completes its result.</summary>
    public SyncResult Record(OrderDto order, string fingerprint)
    {
        var problem = OrderRules.Check(order, _till.SellerGstin, _till.BillPrefix, _now) ?? UnknownSku(order) ?? BillNoReused(order)
            ?? _loyalty.Check(order);
        _usedBillNos.Add(order.BillNo);
        if (problem is not null)
        {
            // Stored and shown bounded; the fingerprint was taken over the order as sent (RefusedOrder).
            var kept = RefusedOrder.Bounded(order);
            var detail = RefusedOrder.Clip(problem.Detail, RefusedOrder.DetailLengthMax);
            AddOrder(kept, fingerprint, OrderStatuses.Rejected, problem.Reason, detail, [], null);
            AddReview(ReviewItems.RejectedOrder, kept, null, null, problem.Reason, $"Bill {kept.BillNo} was rejected: {detail}.");
            return new SyncResult(order.ClientOrderId, order.TillSeq, SyncStatus.Rejected, kept.BillNo, _now, false, [],
                problem.Reason, null, detail);
        }

        QueueStock(order);
        var overdraftPoints = _loyalty.Apply(order, _now);
        IReadOnlyList<string> flags = overdraftPoints > 0 ? [OrderFlags.LoyaltyOverdraft] : [];
        _flags[order.ClientOrderId] = flags;
        if (overdraftPoints > 0)
        {
            AddReview(ReviewItems.LoyaltyOverdraft, order, null, null, null, string.Create(CultureInfo.InvariantCulture,
                $"Bill {order.BillNo} burned {order.Loyalty!.BurnPoints} points of customer {order.Customer!.Phone}, {overdraftPoints} more than HQ's balance; the balance is now {_loyalty.BalanceOf(order.Customer.Phone!)}."));
        }

        var supplyKind = OrderTotals.SupplyKindOf(_till.SellerGstin, order.Customer);
        AddOrder(order, fingerprint, OrderStatuses.Committed, null, null, flags, supplyKind);
        AddLinesPaymentsAndEntry(order, supplyKind);
        _einvoices.Add(order, _till.StoreId, _till.TillId, _till.SellerGstin, _now);
        return new SyncResult(order.ClientOrderId, order.TillSeq, SyncStatus.Created, order.BillNo, _now, false, flags, null, null, null);
    }

    /// <summary>Writes every row the batch decided, in the caller's transaction: first the rows no other till's batch
    /// touches, then the stock step that needs the store's shared on-hand rows (see the class summary).</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Orders first: lines and payments reference them.
        await _orders.FlushAsync(connection, transaction, cancellationToken);
        await _lines.FlushAsync(connection, transaction, cancellationToken);
        await _payments.FlushAsync(connection, transaction, cancellationToken);
        await _journal.FlushAsync(connection, transaction, cancellationToken);
        await _einvoices.FlushAsync(connection, transaction, cancellationToken);
        await _loyalty.FlushAsync(connection, transaction, _now, _parametersPerStatement, cancellationToken);

        // The stock step. Movements are written under the on-hand locks so that their ids follow the order in which
        // on-hand changed (the competing-sales walk replays them).
        var onHandMilliBySku = await StockLedger.ReadOnHandAsync(connection, transaction, _till.StoreId, _movedSkus, _lockStockRows, cancellationToken);
        foreach (var (order, qtyMilliBySku) in _stockSales)
        {
            MoveStock(order, qtyMilliBySku, onHandMilliBySku);
        }

        await _movements.FlushAsync(connection, transaction, cancellationToken);
        await MarkShortAsync(connection, transaction, cancellationToken);
        await _reviews.FlushAsync(connection, transaction, cancellationToken);
        await ReviewOpenings.RecordAsync(
            connection, transaction, _till.StoreId, _till.TillId, _reviewedOrders, _shortfalls, _parametersPerStatement, cancellationToken);
        foreach (var sku in _movedSkus.Order(StringComparer.Ordinal))
        {
            _onHand.Add(_till.StoreId, sku, onHandMilliBySku.GetValueOrDefault(sku));
        }

        await _onHand.FlushAsync(connection, transaction, cancellationToken);
    }

    /// <summary><paramref name="result"/> of a created order with <c>stock_short</c> added when, at the flush, the order
    /// took a SKU below zero; any other result unchanged.</summary>
    public SyncResult WithStockFlag(SyncResult result) =>
        result is { Status: SyncStatus.Created, Replayed: false } && _shortOrders.Contains(result.ClientOrderId)
            ? result with { Flags = StoredFlags(result.ClientOrderId) }
            : result;

    // The flags of a short order, as stored and answered: stock_short first.
    private IReadOnlyList<string> StoredFlags(Guid clientOrderId) => [OrderFlags.StockShort, .. _flags[clientOrderId]];

    // The orders were written before the stock step knew which fell short; the few that did get their flag now.
    private async Task MarkShortAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_shortOrders.Count == 0)
        {
            return;
        }

        await using var update = connection.Command("UPDATE orders SET flags = @flags WHERE client_order_id = @id", transaction)
            .With("@flags", null).With("@id", null);
        foreach (var id in _shortOrders)
        {
            update.Parameters["@flags"].Value = OrderStatuses.FormatFlags(StoredFlags(id));
            update.Parameters["@id"].Value = id.ToString("D");
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
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

    private OrderCheck? BillNoReused(OrderDto order) => _usedBillNos.Contains(order.BillNo)
        ? new OrderCheck(SyncReasons.BillNoReused, $"bill number {order.BillNo} is already on another sale of this till")
        : null;

    private void QueueStock(OrderDto order)
    {
        var qtyMilliBySku = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in order.Lines)
        {
            qtyMilliBySku[line.Sku] = checked(qtyMilliBySku.GetValueOrDefault(line.Sku) + Quantity.ToMilli(line.Qty));
            _movedSkus.Add(line.Sku);
        }

        _stockSales.Add((order, qtyMilliBySku));
    }

    // Offline sales are facts: stock moves even below zero, and each SKU that crosses below zero opens a review item
    // for the quantity sold beyond what was on hand.
    private void MoveStock(OrderDto order, Dictionary<string, long> qtyMilliBySku, Dictionary<string, long> onHandMilliBySku)
    {
        foreach (var (sku, qtyMilli) in qtyMilliBySku)
        {
            var beforeMilli = onHandMilliBySku.GetValueOrDefault(sku);
            var afterMilli = checked(beforeMilli - qtyMilli);
            onHandMilliBySku[sku] = afterMilli;
            _movements.Add(_till.StoreId, sku, -qtyMilli, StockKinds.Sale, order.ClientOrderId.ToString("D"), null, StoredTime.Text(_now));
            if (afterMilli < 0)
            {
                _shortOrders.Add(order.ClientOrderId);
                _shortfalls.Add(new Shortfall(order.ClientOrderId, sku, qtyMilli, afterMilli));
                AddReview(ReviewItems.StockShort, order, sku, Math.Min(qtyMilli, -afterMilli), null, string.Create(CultureInfo.InvariantCulture,
                    $"Bill {order.BillNo} sold {Quantity.FromMilli(qtyMilli)} of {sku}; on-hand went from {Quantity.FromMilli(beforeMilli)} to {Quantity.FromMilli(afterMilli)}."));
            }
        }
    }

    private void AddOrder(
        OrderDto order, string fingerprint, string status, string? reason, string? detail, IReadOnlyList<string> flags, SupplyKind? supplyKind)
    {
        var t = order.Totals;
        _orders.Add(order.ClientOrderId.ToString("D"), _till.StoreId, _till.TillId, order.TillSeq, order.BillNo, status, reason, detail,
            OrderStatuses.FormatFlags(flags), fingerprint, StoredTime.Text(order.CreatedAt), StoredTime.Text(_now), order.Customer?.Gstin,
            t.TaxablePaise, t.CgstPaise, t.SgstPaise, t.IgstPaise, t.RoundOffPaise, t.TotalPaise,
            JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto), supplyKind == SupplyKind.InterState ? 1 : 0);
    }

    private void AddLinesPaymentsAndEntry(OrderDto order, SupplyKind kind)
    {
        var id = order.ClientOrderId.ToString("D");
        var taxes = new LineTax[order.Lines.Count];
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var tax = taxes[i] = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind);
            _lines.Add(id, i + 1, _till.StoreId, line.Sku, Quantity.ToMilli(line.Qty), line.UnitPricePaise, line.DiscountPaise, line.GstRateBp,
                tax.TaxablePaise, tax.CgstPaise, tax.SgstPaise, tax.IgstPaise, _costPaiseBySku[line.Sku]);
        }

        for (var i = 0; i < order.Payments.Count; i++)
        {
            _payments.Add(id, i + 1, _till.StoreId, order.Payments[i].Method, order.Payments[i].AmountPaise);
        }

        _journal.Add(SaleEntry.For(order, _till.StoreId, kind, taxes, _costPaiseBySku, _loyalty.EarnPaise(order), _loyalty.DiscountBurnPaise(order)), _now);
    }

    private void AddReview(string kind, OrderDto order, string? sku, long? shortQtyMilli, string? reason, string detail)
    {
        _reviewedOrders.Add(order.ClientOrderId);
        _reviews.Add(kind, ReviewItems.Open, _till.StoreId, _till.TillId, order.ClientOrderId.ToString("D"), order.BillNo, sku, shortQtyMilli, reason, detail,
            StoredTime.Text(_now));
    }

    private static async Task<HashSet<string>> UsedBillNosAsync(
        DbConnection connection, DbTransaction transaction, long tillId, IReadOnlyList<string> billNos, CancellationToken cancellationToken)
    {
        var used = await connection.ListWhereInAsync(transaction, "SELECT bill_no FROM orders WHERE till_id = @till AND bill_no IN ({list})",
            billNos, [("@till", tillId)], r => r.GetString(0), cancellationToken);
        return used.ToHashSet(StringComparer.Ordinal);

    }
}
