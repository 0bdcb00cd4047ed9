using TillSync.Core.Tax;

namespace TillSync.Core.Orders;

/// <summary>A sale as Core checks, totals and fingerprints it: the till's wire record (and HQ's stored copy) mapped to
/// Core's own type, so that Core depends on no wire format. Everything in it is business content and enters the
/// fingerprint; the till's sequence number is not here (it is the stream's, not the sale's).</summary>
/// <param name="ClientOrderId">UUIDv7 minted by the till when the sale was saved.</param>
/// <param name="BillNo">Printed bill number, <c>PREFIX/YYYY/NNNNNN</c>, at most 16 characters.</param>
/// <param name="CreatedAt">When the sale was saved on the till, with its UTC offset.</param>
/// <param name="Lines">The sale's lines, 1 to <see cref="Limits.OrderLinesMax"/> when valid.</param>
/// <param name="Payments">The tenders applied, adding up to <c>Totals.TotalPaise</c> when valid.</param>
/// <param name="Totals">The totals the till printed.</param>
/// <param name="Customer">The buyer, or null; a GSTIN makes the bill B2B.</param>
/// <param name="Loyalty">Points earned and burned, or null (the same as zero points).</param>
/// <param name="CashierId">The staff id of the cashier logged in at the till, or null from a till before staff; in the
/// fingerprint only when present.</param>
/// <param name="PricingVersion">The pricing version of the snapshot the till priced with (docs/pricing.md), or null from a
/// till before it; in the fingerprint only when present.</param>
/// <param name="Approval">A supervisor's or manager's approval of markdowns beyond the cashier's limits, or null; in the
/// fingerprint only when present.</param>
/// <param name="StockVersion">The stock version of the snapshot the till sold against, or null from a till before it; in
/// the fingerprint only when present.</param>
/// <param name="BillPromotionId">The bill-value promotion the till applied (docs/pricing.md, "Promotions"), or null; in the
/// fingerprint only when present.</param>
/// <param name="BillPromotionPaise">What that promotion took off, spread over the lines' discounts; 0 without one.</param>
public sealed record Order(
    Guid ClientOrderId,
    string BillNo,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrderLine> Lines,
    IReadOnlyList<Payment> Payments,
    BillTotals Totals,
    Customer? Customer = null,
    OrderLoyalty? Loyalty = null,
    long? CashierId = null,
    long? PricingVersion = null,
    OrderApproval? Approval = null,
    long? StockVersion = null,
    long? BillPromotionId = null,
    long BillPromotionPaise = 0);

/// <summary>Who approved a sale's markdowns at the till, by their PIN, and why.</summary>
/// <param name="ApproverId">HQ's staff id of the supervisor or manager; above 0 when valid.</param>
/// <param name="Reason">1 to <see cref="OrderApproval.ReasonLengthMax"/> printable characters when valid.</param>
public sealed record OrderApproval(long ApproverId, string Reason)
{
    /// <summary>The longest reason, in characters.</summary>
    public const int ReasonLengthMax = 200;
}

/// <summary>One line of a sale.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Quantity in the product's unit; valid above 0 with at most 3 fraction digits.</param>
/// <param name="UnitPricePaise">Price per unit in paise: before tax, or including GST when <paramref name="TaxInclusive"/>.</param>
/// <param name="DiscountPaise">Discount on the line, in paise, 0 to the line's gross when valid, on the same footing as
/// the price.</param>
/// <param name="GstRateBp">GST rate in basis points (500 = 5 %).</param>
/// <param name="TaxInclusive">True when price and discount include GST, as a shop's shelf prices do (docs/money.md);
/// false on a line from a till before inclusive prices, and for a product priced exclusive (a B2B catalogue).</param>
/// <param name="MrpPaise">The maximum retail price per unit printed on the pack, inclusive of every tax, or null when the
/// product has none; no line may charge more (<see cref="OrderProblem.AboveMrp"/>).</param>
/// <param name="PromotionId">The line promotion that priced the line (a scheduled price or buy-N-get-M), or null; in the
/// fingerprint only when present.</param>
/// <param name="PromotionPaise">The part of <paramref name="DiscountPaise"/> that promotion gives (buy-N-get-M's free
/// units), 0 to the discount; 0 for a scheduled price, whose saving is in the unit price.</param>
public sealed record OrderLine(
    string Sku, decimal Qty, long UnitPricePaise, long DiscountPaise, int GstRateBp, bool TaxInclusive = false, long? MrpPaise = null,
    long? PromotionId = null, long PromotionPaise = 0)
{
    /// <summary>The line's value and tax in a supply of <paramref name="kind"/> (<see cref="GstCalculator.ForLine"/>).</summary>
    public LineTax Tax(SupplyKind kind) =>
        GstCalculator.ForLine(Qty, UnitPricePaise, DiscountPaise, GstRateBp, kind, TaxInclusive);
}

/// <summary>One tender applied to a bill.</summary>
/// <param name="Method">One of <see cref="TenderMethods.All"/> when valid.</param>
/// <param name="AmountPaise">Amount applied, in paise; positive when valid.</param>
/// <param name="Reference">For <c>store_credit</c>, the code of the voucher spent: the credit note number that issued it
/// (<see cref="Returns.CreditNoteNumber.IsWellFormed"/>); null on every other tender.</param>
public sealed record Payment(string Method, long AmountPaise, string? Reference = null);

/// <summary>The buyer of a sale.</summary>
/// <param name="Phone">10-digit Indian mobile number, the loyalty key; or null.</param>
/// <param name="Gstin">The buyer's GSTIN on a B2B bill; or null.</param>
/// <param name="Name">The buyer's name, at most 100 characters; or null.</param>
/// <param name="PlaceOfSupply">Two-digit GST state code when it differs from the store's; or null.</param>
/// <param name="Address1">A B2B buyer's street, for the e-invoice; or null.</param>
/// <param name="Location">A B2B buyer's city; or null.</param>
/// <param name="Pin">A B2B buyer's PIN code; or null.</param>
public sealed record Customer(
    string? Phone = null, string? Gstin = null, string? Name = null, string? PlaceOfSupply = null,
    string? Address1 = null, string? Location = null, int? Pin = null);

/// <summary>Loyalty points of a sale.</summary>
/// <param name="EarnPoints">Points earned, 0 to <see cref="Limits.LoyaltyPointsPerOrderMax"/> when valid.</param>
/// <param name="BurnPoints">Points redeemed, 0 to <see cref="Limits.LoyaltyPointsPerOrderMax"/> when valid.</param>
/// <param name="RedemptionToken">The single-use token of an online redemption, or null.</param>
public sealed record OrderLoyalty(long EarnPoints, long BurnPoints, string? RedemptionToken = null);

/// <summary>The tender methods a sale may use.</summary>
public static class TenderMethods
{
    /// <summary>Cash, net of change given back.</summary>
    public const string Cash = "cash";

    /// <summary>Debit or credit card.</summary>
    public const string Card = "card";

    /// <summary>UPI transfer.</summary>
    public const string Upi = "upi";

    /// <summary>Loyalty points redeemed as a tender.</summary>
    public const string Loyalty = "loyalty";

    /// <summary>The refund of a return made together with this sale, applied to it (an exchange, docs/returns.md).</summary>
    public const string Exchange = "exchange";

    /// <summary>A credit note's store credit redeemed (docs/returns.md).</summary>
    public const string StoreCredit = "store_credit";

    /// <summary>Every accepted method.</summary>
    public static IReadOnlyList<string> All { get; } = [Cash, Card, Upi, Loyalty, Exchange, StoreCredit];
}
