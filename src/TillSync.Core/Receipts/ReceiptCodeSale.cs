namespace TillSync.Core.Receipts;

/// <summary>What the signed code on a receipt carries: everything a till needs to take a return against the sale with
/// HQ unreachable (docs/returns.md, "The receipt code").</summary>
/// <param name="SaleId">The sale's <c>clientOrderId</c>.</param>
/// <param name="BillNo">Its printed bill number.</param>
/// <param name="CreatedAt">When it was sold, exactly as the sale records it (offset included).</param>
/// <param name="TillId">HQ's id of the till that sold it: the key that signed the code is this till's.</param>
/// <param name="TotalPaise">The bill total, in paise.</param>
/// <param name="Customer">The buyer as billed, or null.</param>
/// <param name="EarnPoints">Loyalty points the sale earned, 0 or more.</param>
/// <param name="BurnPoints">Loyalty points the sale burned (its <c>loyalty</c> tender), 0 or more.</param>
/// <param name="Payments">The tenders applied to the bill, by method, in the order the sale lists them.</param>
/// <param name="Lines">The bill's lines in bill order (line 1 first).</param>
public sealed record ReceiptCodeSale(
    Guid SaleId, string BillNo, DateTimeOffset CreatedAt, long TillId, long TotalPaise, ReceiptCodeCustomer? Customer,
    long EarnPoints, long BurnPoints, IReadOnlyList<ReceiptCodePayment> Payments, IReadOnlyList<ReceiptCodeLine> Lines);

/// <summary>The buyer of a sale as the receipt code carries it; every field may be null.</summary>
/// <param name="Phone">10-digit mobile number (the loyalty key).</param>
/// <param name="Gstin">GSTIN of a B2B buyer.</param>
/// <param name="Name">The buyer's name.</param>
/// <param name="PlaceOfSupply">Two-digit GST state code, when not the store's.</param>
public sealed record ReceiptCodeCustomer(string? Phone, string? Gstin, string? Name, string? PlaceOfSupply);

/// <summary>One tender applied to the bill.</summary>
/// <param name="Method">The payment method, e.g. <c>cash</c>.</param>
/// <param name="AmountPaise">The amount applied, in paise.</param>
public sealed record ReceiptCodePayment(string Method, long AmountPaise);

/// <summary>One bill line.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Quantity sold, up to 3 fraction digits.</param>
/// <param name="UnitPricePaise">Unit price in paise, before tax or including it (<paramref name="TaxInclusive"/>).</param>
/// <param name="DiscountPaise">The line's discount, in paise.</param>
/// <param name="GstRateBp">GST rate in basis points.</param>
/// <param name="TaxInclusive">True when the line was priced inclusive of GST; false on codes printed before it.</param>
public sealed record ReceiptCodeLine(string Sku, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp, bool TaxInclusive = false);
