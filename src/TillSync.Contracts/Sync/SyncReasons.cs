namespace TillSync.Contracts.Sync;

/// <summary>The <c>reason</c> strings of <see cref="SyncResult"/>.</summary>
public static class SyncReasons
{
    /// <summary>conflict: the id belongs to another till.</summary>
    public const string OwnerMismatch = "owner_mismatch";
    /// <summary>conflict: the id is known with different business content.</summary>
    public const string PayloadMismatch = "payload_mismatch";
    /// <summary>conflict: a new id with a tillSeq HQ has already consumed; the till counter went backwards.</summary>
    public const string SeqReused = "seq_reused";
    /// <summary>not_processed: an earlier tillSeq is missing; resend from expectedSeq.</summary>
    public const string SeqGap = "seq_gap";
    /// <summary>not_processed: a transient failure at HQ; resend with the same id.</summary>
    public const string RetryLater = "retry_later";
    /// <summary>not_processed: a document kind this HQ does not know (a newer till); it and everything after it wait for
    /// HQ to be upgraded.</summary>
    public const string UnsupportedKind = "unsupported_kind";
    /// <summary>conflict: the document's chain entry does not hold (ADR 0016) — its bytes do not give its hash, it links to
    /// another entry than the one HQ holds before it, or its signature is not the till's; nothing is recorded, and the
    /// documents after it wait (<c>not_processed</c> with the same reason).</summary>
    public const string ChainBroken = "chain_broken";
    /// <summary>conflict: an unchained document from a till whose chain has begun; nothing is recorded.</summary>
    public const string ChainMissing = "chain_missing";
    /// <summary>not_processed: a document relayed by another till (ADR 0020) whose origin till's token a manager revoked;
    /// nothing of it is recorded while the revocation stands.</summary>
    public const string TillRevoked = "till_revoked";
    /// <summary>rejected: the totals do not equal HQ's recomputation from the lines.</summary>
    public const string TotalsMismatch = "totals_mismatch";
    /// <summary>rejected: the payments do not add up to the total.</summary>
    public const string PaymentsMismatch = "payments_mismatch";
    /// <summary>rejected: a line names a SKU not in the catalogue.</summary>
    public const string UnknownSku = "unknown_sku";
    /// <summary>rejected: the bill number is malformed or not the till's series.</summary>
    public const string InvalidBillNo = "invalid_bill_no";
    /// <summary>rejected: another order of this till already has this bill number.</summary>
    public const string BillNoReused = "bill_no_reused";
    /// <summary>rejected: a line is malformed (SKU or GST rate).</summary>
    public const string InvalidLine = "invalid_line";
    /// <summary>rejected: a quantity is zero, negative, over 3 fraction digits or too large.</summary>
    public const string InvalidQuantity = "invalid_quantity";
    /// <summary>rejected: a price or discount is negative or out of range.</summary>
    public const string InvalidPrice = "invalid_price";
    /// <summary>rejected: a line charges more per unit, tax included, than the MRP it carries.</summary>
    public const string AboveMrp = "above_mrp";
    /// <summary>rejected: a payment has an unknown method or a non-positive amount.</summary>
    public const string InvalidPayment = "invalid_payment";
    /// <summary>rejected: the GSTIN, phone or place of supply is malformed.</summary>
    public const string InvalidCustomer = "invalid_customer";
    /// <summary>rejected: negative or out-of-range loyalty points.</summary>
    public const string InvalidLoyalty = "invalid_loyalty";
    /// <summary>rejected: an approval without a staff id or with a reason that is not 1 to 200 printable characters.</summary>
    public const string InvalidApproval = "invalid_approval";
    /// <summary>rejected: the sale time is outside the accepted window.</summary>
    public const string InvalidCreatedAt = "invalid_created_at";
    /// <summary>rejected: the order has no lines.</summary>
    public const string NoLines = "no_lines";
    /// <summary>rejected: more lines than Limits.OrderLinesMax.</summary>
    public const string TooManyLines = "too_many_lines";
    /// <summary>rejected: more payments than Limits.OrderPaymentsMax.</summary>
    public const string TooManyPayments = "too_many_payments";
    /// <summary>rejected: an amount overflows the accepted range.</summary>
    public const string AmountOutOfRange = "amount_out_of_range";
    /// <summary>rejected: the credit note number is malformed or not the till's series.</summary>
    public const string InvalidCreditNoteNo = "invalid_credit_note_no";
    /// <summary>rejected: another return of this till already has this credit note number.</summary>
    public const string CreditNoteNoReused = "credit_note_no_reused";
    /// <summary>rejected: a returned line is malformed (quantity above the original line's, unknown condition, bad
    /// original line) or the return names no original.</summary>
    public const string InvalidReturn = "invalid_return";
    /// <summary>rejected: a refund has an unknown method, a non-positive amount or an overlong reference.</summary>
    public const string InvalidRefund = "invalid_refund";
    /// <summary>rejected: the refunds do not add up to the return's total.</summary>
    public const string RefundsMismatch = "refunds_mismatch";
    /// <summary>rejected: a placeholder for a document the till could no longer read; a manager reviews it.</summary>
    public const string DamagedDocument = "damaged_document";
    /// <summary>rejected: a shift or cash document that can never be accepted — an unknown denomination or reason, an amount
    /// out of range, a Z number already used, a time out of range (docs/shifts.md).</summary>
    public const string InvalidShift = "invalid_shift";
    /// <summary>rejected: the redemption token was already consumed by another sale.</summary>
    public const string TokenUsed = "token_used";
    /// <summary>rejected: the redemption token is unknown, expired, another till's, or for another customer or points.</summary>
    public const string TokenInvalid = "token_invalid";
    /// <summary>rejected: the burn is worth more than the offline cap and the order carries no redemption token.</summary>
    public const string TokenRequired = "token_required";
}

/// <summary>The <c>flags</c> strings of a committed document (sale or return).</summary>
public static class OrderFlags
{
    /// <summary>The sale took the SKU's on-hand below zero; a review item is open.</summary>
    public const string StockShort = "stock_short";
    /// <summary>The sale burned more points than the customer had at HQ; a review item is open.</summary>
    public const string LoyaltyOverdraft = "loyalty_overdraft";
    /// <summary>The return took more of an original line back than was sold, across all tills; a review item is open.</summary>
    public const string OverReturn = "over_return";
    /// <summary>The return's original sale has not reached HQ yet; HQ links the two when it arrives.</summary>
    public const string AwaitingOriginal = "awaiting_original";
    /// <summary>The sale spent more of a store credit voucher than its balance at HQ (another till spent it first); a review
    /// item is open.</summary>
    public const string StoreCreditOverdraft = "store_credit_overdraft";
    /// <summary>The sale was priced below what its till knew beyond its cashier's limits, without an approval that covers
    /// it (docs/pricing.md); it committed and a review item is open.</summary>
    public const string PriceDeviation = "price_deviation";
}
