using TillSync.Contracts.Sync;

namespace TillSync.Till.Sales;

/// <summary>One line of the cashier's cart: a SKU (or barcode) and a quantity; the price comes from the catalogue.</summary>
/// <param name="Sku">SKU or barcode.</param>
/// <param name="Qty">Quantity in the product's unit, up to 3 decimals.</param>
/// <param name="DiscountPaise">Discount on the line in paise.</param>
/// <param name="UnitPricePaise">The cashier's price per unit in place of the catalogue's (an override), or null.</param>
public sealed record CartLine(string Sku, decimal Qty, long DiscountPaise = 0, long? UnitPricePaise = null);

/// <summary>A tender as the cashier takes it: cash may exceed what is due (change is given).</summary>
/// <param name="Method"><c>cash</c>, <c>card</c>, <c>upi</c> or <c>store_credit</c>.</param>
/// <param name="AmountPaise">Amount tendered, in paise.</param>
/// <param name="Voucher">For <c>store_credit</c>, the voucher's code: the number printed on the credit note that issued it.</param>
public sealed record Tender(string Method, long AmountPaise, string? Voucher = null);

/// <summary>The cart to price (<c>POST /api/quote</c>).</summary>
/// <param name="Lines">The cart.</param>
/// <param name="Customer">A B2B buyer or a phone number, optional.</param>
/// <param name="BillDiscountPaise">A discount on the whole bill, spread over the lines; 0 for none.</param>
public sealed record QuoteRequest(IReadOnlyList<CartLine> Lines, CustomerDto? Customer = null, long BillDiscountPaise = 0);

/// <summary>The cart and its tenders, to record as a sale (<c>POST /api/sales</c>).</summary>
/// <param name="Lines">The cart.</param>
/// <param name="Payments">The tenders.</param>
/// <param name="Customer">A B2B buyer or a phone number, optional.</param>
/// <param name="Loyalty">Points to redeem (with a redemption token above the offline limit), optional; a sale with a phone earns anyway.</param>
/// <param name="BillDiscountPaise">A discount on the whole bill, spread over the lines; 0 for none.</param>
/// <param name="Approval">A supervisor's or manager's approval of markdowns beyond the cashier's limits, or null.</param>
public sealed record SaleRequest(
    IReadOnlyList<CartLine> Lines, IReadOnlyList<Tender> Payments, CustomerDto? Customer = null, SaleLoyalty? Loyalty = null, long BillDiscountPaise = 0,
    SaleApproval? Approval = null);

/// <summary>A supervisor's or manager's approval, typed at the till (docs/pricing.md).</summary>
/// <param name="ApproverId">Their staff id, picked from the till's staff list.</param>
/// <param name="Pin">Their PIN, checked offline against the snapshot like a login; a wrong one counts against them.</param>
/// <param name="Reason">Why: 1 to 200 printable characters, recorded on the sale.</param>
public sealed record SaleApproval(long ApproverId, string Pin, string Reason)
{
    /// <summary>Leaves the PIN out of any text made of this record.</summary>
    public override string ToString() => $"SaleApproval {{ ApproverId = {ApproverId}, Reason = {Reason} }}";
}

/// <summary>The cashier's redemption on a sale.</summary>
/// <param name="BurnPoints">Points to redeem, 0 or more.</param>
/// <param name="RedemptionToken">The token from <c>POST /api/loyalty/redemptions</c>, for a burn above the offline limit.</param>
public sealed record SaleLoyalty(long BurnPoints, string? RedemptionToken = null);
