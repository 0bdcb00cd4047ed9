namespace TillSync.Contracts.Sync;

/// <summary>One sale as the till recorded it. Everything but <see cref="TillSeq"/> is business content
/// and enters the order fingerprint.</summary>
/// <param name="ClientOrderId">UUIDv7 minted by the till when the sale was saved; the permanent dedup key.</param>
/// <param name="TillSeq">The till's contiguous sequence number, starting at 1.</param>
/// <param name="BillNo">Printed bill number: till prefix / financial year / number, uppercase, at most 16 characters.</param>
/// <param name="CreatedAt">When the sale was saved on the till, with its UTC offset.</param>
/// <param name="Lines">At least one line, at most <c>Limits.OrderLinesMax</c>.</param>
/// <param name="Payments">Tenders whose amounts add up to <c>Totals.TotalPaise</c>.</param>
/// <param name="Totals">The bill totals the till computed and printed; HQ recomputes and compares.</param>
/// <param name="Customer">Optional; a GSTIN makes the bill B2B.</param>
/// <param name="Loyalty">Optional loyalty earn and burn.</param>
/// <param name="CashierId">HQ's staff id of the cashier logged in at the till when the sale was saved (docs/shifts.md);
/// null from a till before staff, shown as "unknown cashier".</param>
/// <param name="Irn">The IRN the till computed and printed on a B2B bill (64 lowercase hex digits; docs/einvoice.md): HQ
/// registers the bill only under this IRN. Null for B2C bills and from tills before it. Derived from the bill number,
/// the date and the seller's GSTIN, so it does not enter the fingerprint.</param>
/// <param name="PricingVersion">The pricing version of the snapshot the till priced the sale with
/// (<c>TillSnapshot.PricingVersion</c>, docs/pricing.md): HQ judges the lines by the prices, role limits and loyalty
/// settings in force at that version as well as at the sale's time. Null from a till before it (or one that never took a
/// snapshot from an HQ that has versions): the sale is judged by what was in force at its time only. In the fingerprint
/// only when present.</param>
/// <param name="Approval">The supervisor's or manager's approval of markdowns beyond the cashier's limits, or null; in the
/// fingerprint only when present.</param>
/// <param name="StockVersion">The stock version of the snapshot whose on-hand the till sold against
/// (<c>TillSnapshot.StockVersion</c>): when the sale oversells, HQ names as competing every sale of the SKU in the store
/// since then (docs/reviews.md). Null from a till before it; in the fingerprint only when present.</param>
/// <param name="BillPromotion">The bill-value promotion the till applied (docs/pricing.md, "Promotions"), its amount
/// already spread over the lines' discounts; null when none. In the fingerprint only when present.</param>
public sealed record OrderDto(
    Guid ClientOrderId,
    long TillSeq,
    string BillNo,
    DateTimeOffset CreatedAt,
    IReadOnlyList<OrderLineDto> Lines,
    IReadOnlyList<PaymentDto> Payments,
    OrderTotalsDto Totals,
    CustomerDto? Customer = null,
    LoyaltyDto? Loyalty = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? CashierId = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Irn = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? PricingVersion = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] ApprovalDto? Approval = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? StockVersion = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Pricing.BillPromotionDto? BillPromotion = null);
