namespace TillSync.Contracts.Reviews;

/// <summary>Kinds of review item (docs/reviews.md).</summary>
public static class ReviewKinds
{
    /// <summary>A committed sale took on-hand of a SKU below zero.</summary>
    public const string StockShort = "stock_short";

    /// <summary>An order HQ recorded as never acceptable.</summary>
    public const string RejectedOrder = "rejected_order";

    /// <summary>A till sent an order HQ answered <c>conflict</c> (<c>owner_mismatch</c>, <c>payload_mismatch</c>, <c>seq_reused</c>).</summary>
    public const string SyncConflict = "sync_conflict";

    /// <summary>An offline burn took a customer's loyalty balance below zero.</summary>
    public const string LoyaltyOverdraft = "loyalty_overdraft";

    /// <summary>A till sent a document it, or HQ, could no longer read (a <c>damaged</c> document): something was sold or
    /// refunded and its money moved, but its content is lost; acknowledged once settled by hand.</summary>
    public const string DamagedDocument = "damaged_document";

    /// <summary>A committed return disagrees with its original sale (lines, bill, loyalty): the refund happened, a manager
    /// looks at why (docs/returns.md).</summary>
    public const string ReturnMismatch = "return_mismatch";

    /// <summary>Across all tills, more of an original line was returned than sold (two tills refunded the same unit
    /// offline): one item per original line names every credit note on it.</summary>
    public const string OverReturn = "over_return";

    /// <summary>A return's original sale has not reached HQ within the configured time.</summary>
    public const string ReturnUnlinked = "return_unlinked";

    /// <summary>A return taken from a receipt code whose signature does not verify with the selling till's key.</summary>
    public const string ReceiptCodeInvalid = "receipt_code_invalid";

    /// <summary>A store credit voucher was spent beyond what its credit note issued (tills spending it offline): one open
    /// item per voucher names every spend.</summary>
    public const string StoreCreditOverdraft = "store_credit_overdraft";

    /// <summary>HQ's count of a closed shift from the documents it holds is not what the till expected the drawer to hold:
    /// one item per shift close names the till, the Z number and both counts (docs/shifts.md).</summary>
    public const string ShiftCountDiffers = "shift_count_differs";

    /// <summary>The e-invoice portal refused a B2B bill or credit note as older than its reporting limit (30 days): the
    /// document can no longer get an IRN. One item per document (docs/einvoice.md).</summary>
    public const string EInvoicePastLimit = "einvoice_past_limit";

    /// <summary>A committed sale was priced below what its till knew beyond the limits of its cashier's role (or of the
    /// role that approved it): one item per sale names the lines (docs/pricing.md).</summary>
    public const string PriceDeviation = "price_deviation";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } =
        [StockShort, RejectedOrder, SyncConflict, LoyaltyOverdraft, DamagedDocument, ReturnMismatch, OverReturn, ReturnUnlinked, ReceiptCodeInvalid,
            StoreCreditOverdraft, ShiftCountDiffers, EInvoicePastLimit, PriceDeviation];
}

/// <summary>What a manager can decide (docs/reviews.md gives each one's effect on stock).</summary>
public static class ResolutionActions
{
    /// <summary>Shortfall accepted as it stands: no stock movement and no journal entry (on-hand and inventory stay short
    /// alike until a count or receipt).</summary>
    public const string WriteOff = "write_off";

    /// <summary>The customer is owed the goods; no stock movement until a receipt brings them.</summary>
    public const string Backorder = "backorder";

    /// <summary>Units come in from another store (or from outside): +qty here, −qty in <c>fromStoreId</c>.</summary>
    public const string TransferIn = "transfer_in";

    /// <summary>The short units of the sale are refunded and never supplied: +qty back here.</summary>
    public const string CreditNote = "credit_note";

    /// <summary>A rejected order or a sync conflict was looked at; nothing moves.</summary>
    public const string Acknowledge = "acknowledge";

    /// <summary>The actions a kind admits.</summary>
    public static IReadOnlyList<string> AllowedFor(string kind) => kind switch
    {
        ReviewKinds.StockShort => [WriteOff, Backorder, TransferIn, CreditNote],
        // Acknowledge leaves the balance negative for later earns to cover; write_off restores it to zero at the store's cost.
        ReviewKinds.LoyaltyOverdraft => [Acknowledge, WriteOff],
        _ => [Acknowledge],
    };

    /// <summary>Every action.</summary>
    public static IReadOnlyList<string> All { get; } = [WriteOff, Backorder, TransferIn, CreditNote, Acknowledge];
}
