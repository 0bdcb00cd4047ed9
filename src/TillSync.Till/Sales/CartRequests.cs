using TillSync.Contracts.Sync;

namespace TillSync.Till.Sales;

/// <summary>One line of the cashier's cart: a SKU (or barcode) and a quantity; the price comes from the catalogue.</summary>
/// <param name="Sku">SKU or barcode.</param>
/// <param name="Qty">Quantity in the product's unit, up to 3 decimals.</param>
/// <param name="DiscountPaise">Discount on the line in paise.</param>
public sealed record CartLine(string Sku, decimal Qty, long DiscountPaise = 0);

/// <summary>A tender as the cashier takes it: cash may exceed what is due (change is given).</summary>
/// <param name="Method"><c>cash</c>, <c>card</c>, <c>upi</c> or <c>store_credit</c>.</param>
/// <param name="AmountPaise">Amount tendered, in paise.</param>
/// <param name="Voucher">For <c>store_credit</c>, the voucher's code: the number printed on the credit note that issued it.</param>
public sealed record Tender(string Method, long AmountPaise, string? Voucher = null);

/// <summary>The cart to price (<c>POST /api/quote</c>).</summary>
/// <param name="Lines">The cart.</param>
/// <param name="Customer">A B2B buyer or a phone number, optional.</param>
public sealed record QuoteRequest(IReadOnlyList<CartLine> Lines, CustomerDto? Customer = null);

/// <summary>The cart and its tenders, to record as a sale (<c>POST /api/sales</c>).</summary>
/// <param name="Lines">The cart.</param>
/// <param name="Payments">The tenders.</param>
/// <param name="Customer">A B2B buyer or a phone number, optional.</param>
/// <param name="Loyalty">Points to redeem (with a redemption token above the offline limit), optional; a sale with a phone earns anyway.</param>
public sealed record SaleRequest(IReadOnlyList<CartLine> Lines, IReadOnlyList<Tender> Payments, CustomerDto? Customer = null, SaleLoyalty? Loyalty = null);

/// <summary>The cashier's redemption on a sale.</summary>
/// <param name="BurnPoints">Points to redeem, 0 or more.</param>
/// <param name="RedemptionToken">The token from <c>POST /api/loyalty/redemptions</c>, for a burn above the offline limit.</param>
public sealed record SaleLoyalty(long BurnPoints, string? RedemptionToken = null);
