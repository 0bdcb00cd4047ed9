namespace TillSync.Core.Orders;

/// <summary>Why a sale can never be accepted: the rule it breaks and a sentence for the person reading it.</summary>
/// <param name="Problem">The rule broken; HQ maps it to the wire's reason code.</param>
/// <param name="Detail">Which field and why, e.g. "line 2: quantity 0 must be positive".</param>
public sealed record OrderCheck(OrderProblem Problem, string Detail);

/// <summary>The rules <see cref="OrderRules"/> checks. Starts at 1 so that <c>default</c> is never a valid problem.</summary>
public enum OrderProblem
{
    /// <summary>The sale time is before GST began or too far ahead of the clock.</summary>
    InvalidCreatedAt = 1,

    /// <summary>The bill number is malformed or outside the till's series.</summary>
    InvalidBillNo,

    /// <summary>The GSTIN, phone, place of supply or name is malformed.</summary>
    InvalidCustomer,

    /// <summary>The sale has no lines.</summary>
    NoLines,

    /// <summary>More lines than <see cref="Limits.OrderLinesMax"/>.</summary>
    TooManyLines,

    /// <summary>A line's SKU or GST rate is malformed.</summary>
    InvalidLine,

    /// <summary>A quantity is zero, negative, too large or too fine.</summary>
    InvalidQuantity,

    /// <summary>A price or discount is out of range.</summary>
    InvalidPrice,

    /// <summary>A line charges more per unit, tax included, than the MRP it carries.</summary>
    AboveMrp,

    /// <summary>More tenders than <see cref="Limits.OrderPaymentsMax"/>.</summary>
    TooManyPayments,

    /// <summary>A tender has an unknown method or a non-positive amount.</summary>
    InvalidPayment,

    /// <summary>Loyalty points are negative or out of range.</summary>
    InvalidLoyalty,

    /// <summary>An approval names no staff member or gives no printable reason.</summary>
    InvalidApproval,

    /// <summary>The totals are not what the lines give.</summary>
    TotalsMismatch,

    /// <summary>The tenders do not add up to the total.</summary>
    PaymentsMismatch,
}
