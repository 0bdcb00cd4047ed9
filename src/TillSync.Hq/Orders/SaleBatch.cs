using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Hq.Accounting;
using TillSync.Hq.Catalog;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Pricing;
using TillSync.Hq.Promotions;
using TillSync.Hq.Returns;
using TillSync.Hq.Reviews;
using TillSync.Hq.Stock;
using TillSync.Hq.StoreCredit;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Orders;

/// <summary>The sales of one sync batch. What a sale's acceptance depends on — the catalogue costs of its SKUs (the batch's
/// costs step, <see cref="BatchCosts"/>), the till's bill numbers already used, loyalty (the loyalty step's load) — is
/// read once before the first is decided; each is then decided in memory in <c>tillSeq</c> order (<see cref="Decide"/>):
/// committed, queuing its order, lines and payments here and its movements, journal entry, e-invoice row, loyalty
/// movements and review items with their features' steps; or rejected, recorded as a rejected order with a review item.</summary>
public sealed class SaleBatch(DatabaseEngine engine, IReadOnlyList<OrderDto> newSales, Core.Tax.GstinRule gstinRule) : IKindBatch
{
    private static readonly Column<OrderRow>[] OrderColumns =
    [
        new("client_order_id", r => r.Sale.ClientOrderId.ToString("D")),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("till_seq", r => r.Sale.TillSeq),
        new("bill_no", r => r.Sale.BillNo),
        new("status", r => r.Rejection is null ? OrderStatuses.Committed : OrderStatuses.Rejected),
        new("reason", r => r.Rejection?.Reason),
        new("detail", r => r.Rejection?.Detail),
        new("flags", r => OrderStatuses.FormatFlags(r.Flags)),
        new("fingerprint", r => r.Fingerprint),
        new("created_at", r => StoredTime.Text(r.Sale.CreatedAt)),
        new("committed_at", r => StoredTime.Text(r.CommittedAt)),
        new("customer_gstin", r => r.Sale.Customer?.Gstin),
        new("taxable_paise", r => r.Sale.Totals.TaxablePaise),
        new("cgst_paise", r => r.Sale.Totals.CgstPaise),
        new("sgst_paise", r => r.Sale.Totals.SgstPaise),
        new("igst_paise", r => r.Sale.Totals.IgstPaise),
        new("round_off_paise", r => r.Sale.Totals.RoundOffPaise),
        new("total_paise", r => r.Sale.Totals.TotalPaise),
        new("body_json", r => JsonSerializer.Serialize(r.Sale, TillSyncJsonContext.Default.OrderDto)),
        new("inter_state", r => r.SupplyKind == SupplyKind.InterState ? 1 : 0),
        new("cashier_id", r => r.Sale.CashierId),
        new("pricing_version", r => r.Sale.PricingVersion),
        new("approver_id", r => r.Sale.Approval?.ApproverId),
        new("approval_reason", r => r.Sale.Approval?.Reason),
    ];

    private static readonly Column<LineRow>[] LineColumns =
    [
        new("client_order_id", r => r.ClientOrderId.ToString("D")),
        new("line_no", r => r.LineNo),
        new("store_id", r => r.StoreId),
        new("sku", r => r.Line.Sku),
        new("qty_milli", r => Quantity.ToMilli(r.Line.Qty)),
        new("unit_price_paise", r => r.Line.UnitPricePaise),
        new("discount_paise", r => r.Line.DiscountPaise),
        new("gst_rate_bp", r => r.Line.GstRateBp),
        new("taxable_paise", r => r.Tax.TaxablePaise),
        new("cgst_paise", r => r.Tax.CgstPaise),
        new("sgst_paise", r => r.Tax.SgstPaise),
        new("igst_paise", r => r.Tax.IgstPaise),
        new("cost_paise", r => r.UnitCostPaise),
        new("tax_inclusive", r => r.Line.TaxInclusive ? 1 : 0),
        new("mrp_paise", r => r.Line.MrpPaise),
    ];

    private static readonly Column<PaymentRow>[] PaymentColumns =
    [
        new("client_order_id", r => r.ClientOrderId.ToString("D")),
        new("payment_no", r => r.PaymentNo),
        new("store_id", r => r.StoreId),
        new("method", r => r.Payment.Method),
        new("amount_paise", r => r.Payment.AmountPaise),
    ];

    private readonly RowInsert<OrderRow> _orders = engine.Rows("orders", OrderColumns);
    private readonly RowInsert<LineRow> _lines = engine.Rows("order_lines", LineColumns);
    private readonly RowInsert<PaymentRow> _payments = engine.Rows("order_payments", PaymentColumns);
    private HashSet<string> _usedBillNos = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var billNos = newSales.Select(o => o.BillNo).Where(BillNumber.IsWellFormed).ToList();
        var used = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            "SELECT bill_no FROM orders WHERE till_id = @till AND bill_no IN ({list})",
            billNos, [("@till", batch.Till.TillId)], r => r.GetString(0), cancellationToken);
        _usedBillNos = used.ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public DocumentDecision Decide(SyncBatch batch, TillDocumentDto document, string fingerprint)
    {
        var sale = document.Sale!;
        var order = OrderMapping.ToCore(sale);
        var till = batch.Till;
        var loyalty = batch.Step<LoyaltyBatch>();
        var costPaiseBySku = batch.Step<BatchCosts>().CostPaiseBySku;
        var rejection = (OrderRules.Check(order, till.SellerGstin, till.BillPrefix, batch.Now, gstinRule) is { } problem
                ? new Rejection(OrderMapping.Reason(problem.Problem), problem.Detail)
                : null)
            ?? CatalogCosts.FirstUnknown(order.Lines.Select(l => l.Sku), costPaiseBySku) ?? BillNoReused(order) ?? loyalty.Check(order);
        _usedBillNos.Add(order.BillNo);
        if (rejection is not null)
        {
            // Stored and shown bounded; the fingerprint was taken over the order as sent (RefusedOrder).
            var kept = RefusedOrder.Bounded(sale);
            rejection = rejection with { Detail = RefusedOrder.Clip(rejection.Detail, RefusedOrder.DetailLengthMax) };
            _orders.Add(new OrderRow(kept, till.StoreId, till.TillId, fingerprint, batch.Now, rejection, [], null));
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.RejectedOrder, order.ClientOrderId, kept.BillNo, null, null, rejection.Reason,
                $"Bill {kept.BillNo} was rejected: {rejection.Detail}."));
            return DocumentDecision.Rejected(kept.BillNo, rejection);
        }

        QueueStock(batch, order);
        var overdraftPoints = loyalty.Apply(order, batch.Now);
        List<string> flags = overdraftPoints > 0 ? [OrderFlags.LoyaltyOverdraft] : [];
        if (SpendStoreCredit(batch, order))
        {
            flags.Add(OrderFlags.StoreCreditOverdraft);
        }

        if (overdraftPoints > 0)
        {
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.LoyaltyOverdraft, order.ClientOrderId, order.BillNo, null, null, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"Bill {order.BillNo} burned {order.Loyalty!.BurnPoints} points of customer {order.Customer!.Phone}, {overdraftPoints} more than HQ's balance; the balance is now {loyalty.BalanceOf(order.Customer.Phone!)}.")));
        }

        JudgePrices(batch, order, loyalty, flags);
        var supplyKind = OrderTotals.SupplyKindOf(till.SellerGstin, order.Customer?.PlaceOfSupply);
        _orders.Add(new OrderRow(sale, till.StoreId, till.TillId, fingerprint, batch.Now, null, flags, supplyKind));
        AddLinesPaymentsAndEntry(batch, order, supplyKind, loyalty, costPaiseBySku);
        batch.Step<EInvoiceOutbox>().Add(order, sale.Irn, sale.TillSeq, till.StoreId, till.TillId, till.SellerGstin, batch.Now);
        // Its promotions first: the returns that reached HQ before it are linked next, and take back from them.
        batch.Step<PromotionUses>().Sold(batch, order, supplyKind);
        batch.Step<ReturnOriginals>().Sold(batch, sale, supplyKind);
        return DocumentDecision.Committed(order.BillNo, flags);
    }

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        // Orders first: lines, payments and e-invoice rows reference them.
        await _orders.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _lines.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await _payments.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
    }

    /// <inheritdoc />
    public Task FlagAsync(SyncBatch batch, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken) =>
        // The orders were written before the stock step knew which fell short; the few that did get their flags now.
        TillDocuments.UpdateFlagsAsync(batch, "UPDATE orders SET flags = @flags WHERE client_order_id = @id", flagsByDocument, cancellationToken);

    // Each store credit payment draws its voucher down; true when one of them took an issued voucher below zero (its
    // review item is the store credit step's).
    private static bool SpendStoreCredit(SyncBatch batch, Order order)
    {
        var overdrawn = false;
        foreach (var payment in order.Payments.Where(p => p.Method == TenderMethods.StoreCredit))
        {
            overdrawn |= batch.Step<StoreCreditBatch>().Spend(batch, order.ClientOrderId, order.BillNo, payment.Reference!, payment.AmountPaise);
        }

        return overdrawn;
    }

    // The sale commits at the prices its till billed whatever the judgement (the money moved); a deviation beyond what its
    // approvals cover is flagged and opens one review item (docs/pricing.md).
    private static void JudgePrices(SyncBatch batch, Order order, LoyaltyBatch loyalty, List<string> flags)
    {
        if (batch.Step<PriceJudge>().Judge(order, batch.Till.StoreId, loyalty.DiscountBurnPaise(order)) is { } deviation)
        {
            flags.Add(OrderFlags.PriceDeviation);
            batch.Step<ReviewBatch>().Open(new ReviewOpening(ReviewKind.PriceDeviation, order.ClientOrderId, order.BillNo, null, null, null, deviation));
        }
    }

    private Rejection? BillNoReused(Order order) => _usedBillNos.Contains(order.BillNo)
        ? new Rejection(SyncReasons.BillNoReused, $"bill number {order.BillNo} is already on another sale of this till")
        : null;

    private static void QueueStock(SyncBatch batch, Order order)
    {
        var qtyMilliBySku = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in order.Lines)
        {
            qtyMilliBySku[line.Sku] = checked(qtyMilliBySku.GetValueOrDefault(line.Sku) - Quantity.ToMilli(line.Qty));
        }

        batch.Step<StockBatch>().Move(new StockMove(order.ClientOrderId, order.BillNo, StockKind.Sale, qtyMilliBySku, order.StockVersion));
    }

    private void AddLinesPaymentsAndEntry(
        SyncBatch batch, Order order, SupplyKind kind, LoyaltyBatch loyalty, IReadOnlyDictionary<string, long> costPaiseBySku)
    {
        var storeId = batch.Till.StoreId;
        var taxes = new LineTax[order.Lines.Count];
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var tax = taxes[i] = line.Tax(kind);
            _lines.Add(new LineRow(order.ClientOrderId, i + 1, storeId, line, tax, costPaiseBySku[line.Sku]));
        }

        for (var i = 0; i < order.Payments.Count; i++)
        {
            _payments.Add(new PaymentRow(order.ClientOrderId, i + 1, storeId, order.Payments[i]));
        }

        batch.Step<JournalWriter>().Add(
            SaleEntry.For(order, storeId, kind, taxes, costPaiseBySku, loyalty.EarnPaise(order), loyalty.DiscountBurnPaise(order)), batch.Now);
    }

    private sealed record OrderRow(
        OrderDto Sale, long StoreId, long TillId, string Fingerprint, DateTimeOffset CommittedAt, Rejection? Rejection, IReadOnlyList<string> Flags,
        SupplyKind? SupplyKind);

    private sealed record LineRow(Guid ClientOrderId, int LineNo, long StoreId, OrderLine Line, LineTax Tax, long UnitCostPaise);

    private sealed record PaymentRow(Guid ClientOrderId, int PaymentNo, long StoreId, Payment Payment);
}
