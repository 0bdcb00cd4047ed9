using TillSync.Contracts.Sync;
using TillSync.Core.Orders;

namespace TillSync.Core.Tests.Orders;

/// <summary>The tests' reading of the wire's sale records as Core's types, field for field, as HQ and the till map them:
/// the generators and fixed cases here are written as tills send them.</summary>
internal static class WireOrder
{
    public static Order ToCore(OrderDto order) => new(
        order.ClientOrderId, order.BillNo, order.CreatedAt, ToCore(order.Lines),
        order.Payments.Select(p => new Payment(p.Method, p.AmountPaise, p.Reference)).ToList(),
        new BillTotals(order.Totals.TaxablePaise, order.Totals.CgstPaise, order.Totals.SgstPaise, order.Totals.IgstPaise, order.Totals.RoundOffPaise,
            order.Totals.TotalPaise),
        order.Customer is { } c ? new Customer(c.Phone, c.Gstin, c.Name, c.PlaceOfSupply, c.Address1, c.Location, c.Pin) : null,
        order.Loyalty is { } l ? new OrderLoyalty(l.EarnPoints, l.BurnPoints, l.RedemptionToken) : null);

    public static IReadOnlyList<OrderLine> ToCore(IEnumerable<OrderLineDto> lines) =>
        lines.Select(l => new OrderLine(l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive, l.MrpPaise)).ToList();

    public static OrderTotalsDto ToDto(BillTotals t) => new(t.TaxablePaise, t.CgstPaise, t.SgstPaise, t.IgstPaise, t.RoundOffPaise, t.TotalPaise);
}
