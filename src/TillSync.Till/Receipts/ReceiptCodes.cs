using TillSync.Contracts.Sync;
using TillSync.Core.Receipts;

namespace TillSync.Till.Receipts;

/// <summary>A sale as the wire carries it (<see cref="OrderDto"/>) and as its receipt code carries it
/// (<see cref="ReceiptCodeSale"/>).</summary>
public static class ReceiptCodes
{
    /// <summary>What the receipt code of <paramref name="order"/>, sold at till <paramref name="tillId"/>, holds.</summary>
    public static ReceiptCodeSale Of(OrderDto order, long tillId) => new(
        order.ClientOrderId, order.BillNo, order.CreatedAt, tillId, order.Totals.TotalPaise,
        order.Customer is { } c ? new ReceiptCodeCustomer(c.Phone, c.Gstin, c.Name, c.PlaceOfSupply) : null,
        order.Loyalty?.EarnPoints ?? 0, order.Loyalty?.BurnPoints ?? 0,
        [.. order.Payments.Select(p => new ReceiptCodePayment(p.Method, p.AmountPaise))],
        [.. order.Lines.Select(l => new ReceiptCodeLine(l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive))]);
}
