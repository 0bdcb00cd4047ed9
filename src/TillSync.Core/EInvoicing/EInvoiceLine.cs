using TillSync.Core.Returns;
using TillSync.Core.Tax;

namespace TillSync.Core.EInvoicing;

/// <summary>One line of the bill, as recorded; tax is computed from it with <see cref="GstCalculator"/>, or, on a
/// credit note's line, with <see cref="ReturnMath.ForLine"/>: the original line's value and tax pro rata to the
/// quantity returned, as the credit note refunded them.</summary>
/// <param name="ProductName">Product description, 3 to 300 characters.</param>
/// <param name="HsnCode">HSN (goods) or SAC (services, starting 99) code: 4, 6 or 8 digits.</param>
/// <param name="Qty">Quantity, positive, at most 3 fraction digits; on a credit note's line, the quantity returned.</param>
/// <param name="Unit">GST UQC code (<c>NOS</c>, <c>KGS</c>, …).</param>
/// <param name="UnitPricePaise">Price per unit as sold: before tax, or including GST when <paramref name="TaxInclusive"/>
/// (the payload then states the unit price before tax, <see cref="EInvoicePayloadBuilder"/>).</param>
/// <param name="DiscountPaise">Discount on the line, 0 to gross; on a credit note's line, the original line's discount.</param>
/// <param name="GstRateBp">GST rate in basis points (500 = 5 %).</param>
/// <param name="OriginalQty">On a credit note's line, the quantity the original invoice line sold (at least
/// <paramref name="Qty"/>); null on an invoice's line.</param>
/// <param name="TaxInclusive">True when the line was priced inclusive of GST (docs/money.md).</param>
/// <param name="TakeBackPaise">On a credit note's line, its share of the return's promotion take-back
/// (<see cref="PromotionTakeBack"/>), taken off its pro rata refund; 0 otherwise.</param>
public sealed record EInvoiceLine(
    string ProductName, string HsnCode, decimal Qty, string Unit, long UnitPricePaise, long DiscountPaise, int GstRateBp,
    decimal? OriginalQty = null, bool TaxInclusive = false, long TakeBackPaise = 0)
{
    /// <summary>The line's value and tax in a supply of <paramref name="kind"/>: a credit note's line refunds its share
    /// of the original line (<see cref="ReturnMath.ForLine"/>), an invoice's line is priced as sold.</summary>
    public LineTax Tax(SupplyKind kind) =>
        OriginalQty is { } originalQty
            ? ReturnMath.Adjusted(ReturnMath.ForLine(originalQty, UnitPricePaise, DiscountPaise, GstRateBp, Qty, kind, TaxInclusive), TakeBackPaise, GstRateBp, kind)
            : GstCalculator.ForLine(Qty, UnitPricePaise, DiscountPaise, GstRateBp, kind, TaxInclusive);
}
