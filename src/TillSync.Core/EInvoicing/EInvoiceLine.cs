namespace TillSync.Core.EInvoicing;

/// <summary>One line of the bill, as recorded; tax is computed from it with <see cref="Tax.GstCalculator"/>.</summary>
/// <param name="ProductName">Product description, 3 to 300 characters.</param>
/// <param name="HsnCode">HSN (goods) or SAC (services, starting 99) code: 4, 6 or 8 digits.</param>
/// <param name="Qty">Quantity, positive, at most 3 fraction digits.</param>
/// <param name="Unit">GST UQC code (<c>NOS</c>, <c>KGS</c>, …).</param>
/// <param name="UnitPricePaise">Price per unit before tax.</param>
/// <param name="DiscountPaise">Discount on the line, 0 to gross.</param>
/// <param name="GstRateBp">GST rate in basis points (500 = 5 %).</param>
public sealed record EInvoiceLine(
    string ProductName, string HsnCode, decimal Qty, string Unit, long UnitPricePaise, long DiscountPaise, int GstRateBp);
