using TillSync.Contracts.Sync;
using TillSync.Core.Orders;

namespace TillSync.Hq.Orders;

/// <summary>HQ's reading of the wire's sale record as Core's own types, and of Core's verdicts as the wire's reason
/// codes. Core references nothing; this is where the two meet on HQ's side.</summary>
public static class OrderMapping
{
    /// <summary>The sale <paramref name="order"/> describes, as Core checks, totals and fingerprints it.</summary>
    public static Order ToCore(OrderDto order) => new(
        order.ClientOrderId,
        order.BillNo,
        order.CreatedAt,
        order.Lines.Select(l => new OrderLine(l.Sku, l.Qty, l.UnitPricePaise, l.DiscountPaise, l.GstRateBp, l.TaxInclusive, l.MrpPaise, l.PromotionId,
            l.PromotionPaise ?? 0)).ToList(),
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

    /// <summary>The buyer <paramref name="customer"/> describes, or null.</summary>
    public static Customer? ToCore(CustomerDto? customer) =>
        customer is { } c ? new Customer(c.Phone, c.Gstin, c.Name, c.PlaceOfSupply, c.Address1, c.Location, c.Pin) : null;

    /// <summary>The wire's reason code (<see cref="SyncReasons"/>) for a rule Core found broken.</summary>
    public static string Reason(OrderProblem problem) => problem switch
    {
        OrderProblem.InvalidCreatedAt => SyncReasons.InvalidCreatedAt,
        OrderProblem.InvalidBillNo => SyncReasons.InvalidBillNo,
        OrderProblem.InvalidCustomer => SyncReasons.InvalidCustomer,
        OrderProblem.NoLines => SyncReasons.NoLines,
        OrderProblem.TooManyLines => SyncReasons.TooManyLines,
        OrderProblem.InvalidLine => SyncReasons.InvalidLine,
        OrderProblem.InvalidQuantity => SyncReasons.InvalidQuantity,
        OrderProblem.InvalidPrice => SyncReasons.InvalidPrice,
        OrderProblem.AboveMrp => SyncReasons.AboveMrp,
        OrderProblem.TooManyPayments => SyncReasons.TooManyPayments,
        OrderProblem.InvalidPayment => SyncReasons.InvalidPayment,
        OrderProblem.InvalidLoyalty => SyncReasons.InvalidLoyalty,
        OrderProblem.InvalidApproval => SyncReasons.InvalidApproval,
        OrderProblem.TotalsMismatch => SyncReasons.TotalsMismatch,
        OrderProblem.PaymentsMismatch => SyncReasons.PaymentsMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
