using TillSync.Contracts.Sync;
using TillSync.Core.Orders;

namespace TillSync.Till.Sales;

/// <summary>The till's reading of the wire's sale records as Core's own types, and back: Core references nothing, so the
/// till maps what it checks and totals with Core's rules (HQ does the same on its side).</summary>
public static class SaleMapping
{
    /// <summary>The sale <paramref name="order"/> describes, as Core checks it.</summary>
    public static Order ToCore(OrderDto order) => new(
        order.ClientOrderId, order.BillNo, order.CreatedAt, ToCore(order.Lines),
        order.Payments.Select(p => new Payment(p.Method, p.AmountPaise, p.Reference)).ToList(),
        new BillTotals(order.Totals.TaxablePaise, order.Totals.CgstPaise, order.Totals.SgstPaise, order.Totals.IgstPaise, order.Totals.RoundOffPaise,
            order.Totals.TotalPaise),
        ToCore(order.Customer),
        order.Loyalty is { } l ? new OrderLoyalty(l.EarnPoints, l.BurnPoints, l.RedemptionToken) : null,
        order.CashierId,
        order.PricingVersion,
        order.Approval is { } a ? new OrderApproval(a.ApproverId, a.Reason) : null,
        order.StockVersion,
        order.BillPromotion?.PromotionId,
        order.BillPromotion?.AmountPaise ?? 0);

    /// <summary>The lines as Core totals them.</summary>
    public static IReadOnlyList<OrderLine> ToCore(IReadOnlyList<OrderLineDto> lines) => lines.Select(ToCore).ToList();

    /// <summary>One line as Core totals it.</summary>
    public static OrderLine ToCore(OrderLineDto l) => new(l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive, l.MrpPaise,
        l.PromotionId, l.PromotionPaise ?? 0);

    /// <summary>The customer as Core checks it, or null.</summary>
    public static Customer? ToCore(CustomerDto? customer) =>
        customer is { } c ? new Customer(c.Phone, c.Gstin, c.Name, c.PlaceOfSupply, c.Address1, c.Location, c.Pin) : null;

    /// <summary>Core's totals as the wire carries them.</summary>
    public static OrderTotalsDto ToDto(BillTotals totals) =>
        new(totals.TaxablePaise, totals.CgstPaise, totals.SgstPaise, totals.IgstPaise, totals.RoundOffPaise, totals.TotalPaise);
}
