using System.Data.Common;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Tax;
using TillSync.Hq.Stock;
using TillSync.Storage;

namespace TillSync.Hq.Orders;

/// <summary>Writes orders, their lines and payments in the caller's transaction, with commands prepared once per batch.</summary>
public sealed class OrderWriter : IAsyncDisposable
{
    private readonly DbCommand _insertOrder;
    private readonly DbCommand _insertLine;
    private readonly DbCommand _insertPayment;

    /// <summary>A writer for one transaction.</summary>
    public OrderWriter(DbConnection connection, DbTransaction transaction)
    {
        _insertOrder = connection.Command("""
            INSERT INTO orders (client_order_id, store_id, till_id, till_seq, bill_no, status, reason, detail, flags, fingerprint,
                created_at, committed_at, customer_gstin, taxable_paise, cgst_paise, sgst_paise, igst_paise, round_off_paise,
                total_paise, body_json)
            VALUES (@id, @store, @till, @seq, @bill, @status, @reason, @detail, @flags, @fp, @created, @committed, @gstin,
                @taxable, @cgst, @sgst, @igst, @roundoff, @total, @body)
            """, transaction);
        foreach (var name in (string[])["@id", "@store", "@till", "@seq", "@bill", "@status", "@reason", "@detail", "@flags", "@fp",
                     "@created", "@committed", "@gstin", "@taxable", "@cgst", "@sgst", "@igst", "@roundoff", "@total", "@body"])
        {
            _insertOrder.With(name, null);
        }

        _insertLine = connection.Command("""
            INSERT INTO order_lines (client_order_id, line_no, store_id, sku, qty_milli, unit_price_paise, discount_paise, gst_rate_bp,
                taxable_paise, cgst_paise, sgst_paise, igst_paise, cost_paise)
            VALUES (@id, @no, @store, @sku, @qty, @price, @discount, @rate, @taxable, @cgst, @sgst, @igst, @cost)
            """, transaction);
        foreach (var name in (string[])["@id", "@no", "@store", "@sku", "@qty", "@price", "@discount", "@rate", "@taxable", "@cgst",
                     "@sgst", "@igst", "@cost"])
        {
            _insertLine.With(name, null);
        }

        _insertPayment = connection.Command("""
            INSERT INTO order_payments (client_order_id, payment_no, store_id, method, amount_paise)
            VALUES (@id, @no, @store, @method, @amount)
            """, transaction)
            .With("@id", null).With("@no", null).With("@store", null).With("@method", null).With("@amount", null);
    }

    /// <summary>Records the order row, committed or rejected.</summary>
    public async Task WriteOrderAsync(RecordedOrder recorded, CancellationToken cancellationToken)
    {
        var order = recorded.Order;
        var c = _insertOrder;
        c.Set("@id", order.ClientOrderId.ToString("D"));
        c.Set("@store", recorded.StoreId);
        c.Set("@till", recorded.TillId);
        c.Set("@seq", order.TillSeq);
        c.Set("@bill", order.BillNo);
        c.Set("@status", recorded.Status);
        c.Set("@reason", recorded.Reason);
        c.Set("@detail", recorded.Detail);
        c.Set("@flags", OrderStatuses.FormatFlags(recorded.Flags));
        c.Set("@fp", recorded.Fingerprint);
        c.Set("@created", StoredTime.Text(order.CreatedAt));
        c.Set("@committed", StoredTime.Text(recorded.CommittedAt));
        c.Set("@gstin", order.Customer?.Gstin);
        c.Set("@taxable", order.Totals.TaxablePaise);
        c.Set("@cgst", order.Totals.CgstPaise);
        c.Set("@sgst", order.Totals.SgstPaise);
        c.Set("@igst", order.Totals.IgstPaise);
        c.Set("@roundoff", order.Totals.RoundOffPaise);
        c.Set("@total", order.Totals.TotalPaise);
        c.Set("@body", JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto));
        await c.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the lines (with tax and cost) and payments of a committed order.</summary>
    public async Task WriteLinesAndPaymentsAsync(
        RecordedOrder recorded, SupplyKind kind, IReadOnlyDictionary<string, long> costPaiseBySku, CancellationToken cancellationToken)
    {
        var order = recorded.Order;
        var id = order.ClientOrderId.ToString("D");
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var tax = GstCalculator.ForLine(line.Qty, line.UnitPricePaise, line.DiscountPaise, line.GstRateBp, kind);
            var c = _insertLine;
            c.Set("@id", id);
            c.Set("@no", i + 1);
            c.Set("@store", recorded.StoreId);
            c.Set("@sku", line.Sku);
            c.Set("@qty", Quantity.ToMilli(line.Qty));
            c.Set("@price", line.UnitPricePaise);
            c.Set("@discount", line.DiscountPaise);
            c.Set("@rate", line.GstRateBp);
            c.Set("@taxable", tax.TaxablePaise);
            c.Set("@cgst", tax.CgstPaise);
            c.Set("@sgst", tax.SgstPaise);
            c.Set("@igst", tax.IgstPaise);
            c.Set("@cost", costPaiseBySku[line.Sku]);
            await c.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < order.Payments.Count; i++)
        {
            _insertPayment.Set("@id", id);
            _insertPayment.Set("@no", i + 1);
            _insertPayment.Set("@store", recorded.StoreId);
            _insertPayment.Set("@method", order.Payments[i].Method);
            _insertPayment.Set("@amount", order.Payments[i].AmountPaise);
            await _insertPayment.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _insertOrder.DisposeAsync();
        await _insertLine.DisposeAsync();
        await _insertPayment.DisposeAsync();
    }
}

/// <summary>An order as HQ records it.</summary>
/// <param name="Order">As the till sent it.</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="TillId">The till.</param>
/// <param name="Status"><see cref="OrderStatuses.Committed"/> or <see cref="OrderStatuses.Rejected"/>.</param>
/// <param name="Reason">The rejection reason code.</param>
/// <param name="Detail">The rejection sentence.</param>
/// <param name="Flags">Facts such as <c>stock_short</c>.</param>
/// <param name="Fingerprint">The order's fingerprint.</param>
/// <param name="CommittedAt">When HQ recorded it.</param>
public sealed record RecordedOrder(
    OrderDto Order, long StoreId, long TillId, string Status, string? Reason, string? Detail, IReadOnlyList<string> Flags,
    string Fingerprint, DateTimeOffset CommittedAt);
