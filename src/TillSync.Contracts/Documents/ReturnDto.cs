using System.Text.Json.Serialization;
using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Documents;

/// <summary>A return as the till recorded it: goods taken back against an original sale and the refund paid, printed as a
/// credit note. Everything in it enters the document's fingerprint. The refund of each line is the original line's
/// taxable value and tax pro rata to the quantity returned (docs/returns.md).</summary>
/// <param name="CreditNoteNo">Printed credit note number from the till's own series for the financial year of
/// <see cref="CreatedAt"/>: <c>PREFIX/YYYY/CNNNNN</c>, consecutive, at most 16 characters.</param>
/// <param name="CreatedAt">When the return was saved on the till, with its UTC offset.</param>
/// <param name="Original">The sale the goods were bought on; it may be another till's, and HQ may not have it yet.</param>
/// <param name="Lines">At least one returned line, at most <c>Limits.OrderLinesMax</c>.</param>
/// <param name="Refunds">How the money went back; the amounts add up to <c>Totals.TotalPaise</c>.</param>
/// <param name="Totals">The refund totals the till computed and printed; HQ recomputes and compares.</param>
/// <param name="Reason">Why the customer returned the goods, one of <see cref="ReturnReasons"/>.</param>
/// <param name="Customer">The original sale's buyer (a GSTIN makes the credit note B2B), or null.</param>
/// <param name="Loyalty">Points taken back and given back, when the original sale earned or burned any; null otherwise.</param>
/// <param name="Note">The cashier's words on the return, at most 200 characters; null when none.</param>
/// <param name="CashierId">HQ's staff id of the cashier logged in at the till when the return was saved (docs/shifts.md);
/// null from a till before staff, shown as "unknown cashier".</param>
/// <param name="Irn">The IRN the till computed and printed on a B2B credit note (document type <c>CRN</c>;
/// docs/einvoice.md): HQ registers the credit note only under this IRN. Null for B2C credit notes and from tills before
/// it. Derived from the number, the date and the seller's GSTIN, so it does not enter the fingerprint.</param>
public sealed record ReturnDto(
    string CreditNoteNo,
    DateTimeOffset CreatedAt,
    ReturnOriginalDto Original,
    IReadOnlyList<ReturnLineDto> Lines,
    IReadOnlyList<RefundDto> Refunds,
    OrderTotalsDto Totals,
    string Reason,
    CustomerDto? Customer = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReturnLoyaltyDto? Loyalty = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CashierId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Irn = null);

/// <summary>The original sale of a return, as the returning till knew it.</summary>
/// <param name="ClientOrderId">The sale's id.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="TillId">HQ's id of the till that sold it (this till or another of the store).</param>
/// <param name="CreatedAt">When it was sold.</param>
/// <param name="TotalPaise">Its bill total, in paise; the base of the loyalty pro rata.</param>
/// <param name="Source">How the returning till knew the sale, one of <see cref="ReturnSources"/>.</param>
/// <param name="ReceiptCode">The signed code scanned from the printed receipt, exactly as read, when the source is
/// <c>receipt_code</c>; HQ can check its signature before the original arrives. Null otherwise.</param>
public sealed record ReturnOriginalDto(
    Guid ClientOrderId,
    string BillNo,
    long TillId,
    DateTimeOffset CreatedAt,
    long TotalPaise,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReceiptCode = null);

/// <summary>One returned line: the original line restated and the quantity taken back.</summary>
/// <param name="OriginalLineNo">The line's number on the original bill, from 1.</param>
/// <param name="Sku">Catalogue SKU, as on the original line.</param>
/// <param name="OriginalQty">The quantity sold on the original line.</param>
/// <param name="UnitPricePaise">The original line's unit price, in paise, on its footing (<paramref name="TaxInclusive"/>).</param>
/// <param name="OriginalDiscountPaise">The original line's discount, in paise.</param>
/// <param name="GstRateBp">The original line's GST rate in basis points.</param>
/// <param name="Qty">The quantity returned: above 0, at most <paramref name="OriginalQty"/>, at most 3 fraction digits.</param>
/// <param name="Condition">One of <see cref="ReturnConditions"/>: back to stock, or damaged (written off).</param>
/// <param name="TaxInclusive">True when the original line's price included GST; absent (false) from a till before
/// inclusive prices.</param>
/// <param name="TakeBackPaise">The line's share of what the return takes back of the original's promotions
/// (docs/returns.md, "Promotions"; Core's <c>PromotionTakeBack</c>): its refund is its pro rata refund less this, at most
/// that refund; negative when it gives back what an earlier return held back. Absent (0) on a line refunded pro rata, and
/// from tills before it.</param>
public sealed record ReturnLineDto(
    int OriginalLineNo, string Sku, decimal OriginalQty, long UnitPricePaise, long OriginalDiscountPaise, int GstRateBp, decimal Qty,
    string Condition,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TaxInclusive = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long TakeBackPaise = 0);

/// <summary>One tender of a refund.</summary>
/// <param name="Method">One of <see cref="RefundMethods"/>.</param>
/// <param name="AmountPaise">Amount paid back in paise, positive.</param>
/// <param name="Reference">The card or UPI transaction reference of a refund to the original tender, the sale id of an
/// exchange; null otherwise. At most 64 characters.</param>
public sealed record RefundDto(
    string Method, long AmountPaise, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reference = null);

/// <summary>Loyalty points a return takes back and gives back, pro rata to the original sale (docs/returns.md).</summary>
/// <param name="Phone">The customer's phone, the loyalty key.</param>
/// <param name="EarnReversedPoints">Points earned on the returned value, taken back; 0 or more.</param>
/// <param name="BurnRefundedPoints">Points burned on the returned value, given back; 0 or more. Their value is the
/// <c>loyalty</c> refund tender.</param>
public sealed record ReturnLoyaltyDto(string Phone, long EarnReversedPoints, long BurnRefundedPoints);

/// <summary>What a till can no longer read of one of its stored documents, sent in its place so that the rest of the
/// queue moves on in order; HQ records it and opens a review item (a document was made, and its money moved).</summary>
/// <param name="OriginalKind">The kind the till stored it as, when that is still readable; null otherwise.</param>
/// <param name="Number">The printed bill or credit note number, when still readable; null otherwise.</param>
/// <param name="CreatedAt">When it was made, when still readable; null otherwise.</param>
/// <param name="TotalPaise">Its total, when still readable; null otherwise.</param>
/// <param name="Detail">What the till found wrong (e.g. the stored checksum does not match), for the reviewer.</param>
/// <param name="Readable">The stored text as far as it could be read, at most 2,000 characters, for the reviewer.</param>
public sealed record DamagedDocumentDto(
    string? OriginalKind, string? Number, DateTimeOffset? CreatedAt, long? TotalPaise, string Detail, string Readable);

/// <summary>The <c>source</c> strings of <see cref="ReturnOriginalDto"/>.</summary>
public static class ReturnSources
{
    /// <summary>The original is in this till's own store (sold here).</summary>
    public const string Local = "local";

    /// <summary>Read from the signed code printed on the receipt (sold at another till, perhaps not yet at HQ).</summary>
    public const string ReceiptCode = "receipt_code";

    /// <summary>Looked up at HQ while the till was online.</summary>
    public const string Hq = "hq";

    /// <summary>Found in the till's copy of another till's signed log, shared over the store LAN (docs/store-lan.md).</summary>
    public const string Peer = "peer";

    /// <summary>Every source.</summary>
    public static IReadOnlyList<string> All { get; } = [Local, ReceiptCode, Hq, Peer];
}

/// <summary>The <c>condition</c> strings of a returned line.</summary>
public static class ReturnConditions
{
    /// <summary>Resaleable: the units go back into stock.</summary>
    public const string Restock = "restock";

    /// <summary>Not resaleable: the units are written off.</summary>
    public const string Damaged = "damaged";

    /// <summary>Every condition.</summary>
    public static IReadOnlyList<string> All { get; } = [Restock, Damaged];
}

/// <summary>The refund tender methods.</summary>
public static class RefundMethods
{
    /// <summary>Cash from the drawer.</summary>
    public const string Cash = "cash";

    /// <summary>Back to the card the sale was paid with (reference: the card transaction).</summary>
    public const string Card = "card";

    /// <summary>Back to the UPI account the sale was paid from (reference: the UPI transaction).</summary>
    public const string Upi = "upi";

    /// <summary>Burned loyalty points given back (the value of <see cref="ReturnLoyaltyDto.BurnRefundedPoints"/>).</summary>
    public const string Loyalty = "loyalty";

    /// <summary>Store credit: the credit note itself is the voucher, redeemable on a later sale.</summary>
    public const string StoreCredit = "store_credit";

    /// <summary>Applied to a new sale made together with the return (reference: that sale's id): an exchange.</summary>
    public const string Exchange = "exchange";

    /// <summary>Every method.</summary>
    public static IReadOnlyList<string> All { get; } = [Cash, Card, Upi, Loyalty, StoreCredit, Exchange];
}

/// <summary>The <c>reason</c> codes of a return.</summary>
public static class ReturnReasons
{
    /// <summary>The goods are faulty.</summary>
    public const string Defective = "defective";

    /// <summary>Not what the customer meant to buy (size, colour, item).</summary>
    public const string WrongItem = "wrong_item";

    /// <summary>Past its date or spoiled.</summary>
    public const string Expired = "expired";

    /// <summary>The customer changed their mind.</summary>
    public const string ChangedMind = "changed_mind";

    /// <summary>Billed by mistake at the counter.</summary>
    public const string BillingError = "billing_error";

    /// <summary>Anything else (the note says what).</summary>
    public const string Other = "other";

    /// <summary>Every reason.</summary>
    public static IReadOnlyList<string> All { get; } = [Defective, WrongItem, Expired, ChangedMind, BillingError, Other];
}
