using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;

namespace TillSync.Till.Receipts;

/// <summary>A priced line of a cart or receipt, all money in paise. <c>UnitPricePaise</c> and <c>DiscountPaise</c> are on
/// the line's footing (<c>TaxInclusive</c>); <c>TotalPaise</c> is what the customer pays for the line, tax included.
/// <c>MrpPaise</c> is the MRP per unit when the product has one, and <c>SavingsPaise</c> what the line saves against it:
/// round(qty × MRP) − <c>TotalPaise</c>, 0 without an MRP. Receipts stored before MRPs read with neither. <c>Promotion</c>
/// names the line promotion that priced it and what it saved (docs/pricing.md, "Promotions"), or is null.</summary>
public sealed record ReceiptLine(
    string Sku, string Name, string Unit, string Hsn, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp,
    long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise, long TotalPaise, long? MrpPaise = null, bool TaxInclusive = false,
    long SavingsPaise = 0, ReceiptPromotion? Promotion = null);

/// <summary>A promotion as the cashier's page and the receipt show it.</summary>
/// <param name="PromotionId">HQ's promotion id.</param>
/// <param name="Name">Its name.</param>
/// <param name="SavingPaise">What it saved the customer on the line, or on the bill.</param>
public sealed record ReceiptPromotion(long PromotionId, string Name, long SavingPaise);

/// <summary>Taxable value and tax of one GST rate on a bill.</summary>
public sealed record GstRateSummary(int GstRateBp, long TaxablePaise, long CgstPaise, long SgstPaise, long IgstPaise);

/// <summary>A priced cart (<c>POST /api/quote</c>): what the receipt will say.</summary>
/// <param name="SupplyKind"><c>intra</c> (CGST + SGST) or <c>inter</c> (IGST).</param>
/// <param name="Lines">Priced lines.</param>
/// <param name="GstSummary">Tax by rate.</param>
/// <param name="Totals">Bill totals, rounded to the rupee.</param>
/// <param name="Markdowns">Each line against the catalogue price: overridden or not, its list amount and markdown
/// (docs/pricing.md).</param>
/// <param name="ApprovalNeeded">Why the logged-in cashier needs a supervisor's or manager's PIN to sell this cart, or null
/// when they need none.</param>
/// <param name="StockWarnings">SKUs the cart takes more of than the till knows is in stock (<see cref="Catalog.TillStock"/>),
/// or null; a warning, never a refusal.</param>
/// <param name="BillPromotion">The bill-value promotion the cart qualifies for and what it takes off (already in the lines'
/// discounts), or null.</param>
public sealed record Quote(
    string SupplyKind, IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<GstRateSummary> GstSummary, OrderTotalsDto Totals,
    IReadOnlyList<Core.Pricing.LineMarkdown>? Markdowns = null, string? ApprovalNeeded = null,
    IReadOnlyList<Catalog.StockWarning>? StockWarnings = null, ReceiptPromotion? BillPromotion = null);

/// <summary>The e-invoice state of a bill (<see cref="IrnStatuses"/>) and, once registered, the IRP's acknowledgement.</summary>
/// <param name="Status"><c>not_applicable</c> (B2C), <c>pending</c> (B2B, no IRN yet), <c>needs_attention</c> (HQ parked
/// the e-invoice for a manager; still no IRN) or <c>registered</c>.</param>
/// <param name="Irn">The IRN: as the till computed it while pending (printed "pending registration"; null on bills stored
/// before the till computed it), the IRP's once registered.</param>
/// <param name="AckNo">The IRP's acknowledgement number (digits, as text), when registered.</param>
/// <param name="AckDt">The acknowledgement time as the IRP wrote it (IST, <c>yyyy-MM-dd HH:mm:ss</c>), when registered.</param>
/// <param name="SignedQr">The IRP's signed QR string (a JWS); the receipt prints it as a QR code.</param>
public sealed record IrnInfo(string Status, string? Irn = null, string? AckNo = null, string? AckDt = null, string? SignedQr = null);

/// <summary>Everything a printed receipt shows; stored with the sale so a reprint is the same bill. <c>ReceiptCode</c> is the
/// signed code for returns at any till of the store (<c>Core.Receipts.ReceiptCode</c>), printed as a QR code; null on a
/// sale too large for one, and on sales stored before receipt codes.</summary>
public sealed record Receipt(
    Guid ClientOrderId, long TillSeq, string BillNo, DateTimeOffset CreatedAt, string TillName, StoreDto Store,
    CustomerDto? Customer, bool B2b, IrnInfo Irn, string SupplyKind, IReadOnlyList<ReceiptLine> Lines,
    IReadOnlyList<GstRateSummary> GstSummary, OrderTotalsDto Totals, IReadOnlyList<PaymentDto> Payments, long TenderedPaise,
    long ChangePaise, string SyncState, string? ReceiptCode = null, ReceiptLoyalty? Loyalty = null, ReceiptPromotion? BillPromotion = null);

/// <summary>The loyalty lines of a receipt: points this bill earned and redeemed, and the customer's balance after it as
/// this till knew it when it recorded the sale (the snapshot's or a fresher online lookup's, as of
/// <paramref name="BalanceAsOf"/>; HQ's may differ by sales at other tills since). Null balance: the till knew none.</summary>
public sealed record ReceiptLoyalty(long EarnedPoints, long RedeemedPoints, long? BalancePoints, DateTimeOffset? BalanceAsOf);
