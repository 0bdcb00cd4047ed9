using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;

namespace TillSync.Hq.Reviews;

/// <summary>Review items — the manager's to-do list of sales that need a decision: their kinds, statuses and the
/// guidance the page shows for each (docs/reviews.md).</summary>
public static class ReviewItems
{
    /// <summary>A sale took on-hand below zero: the short quantity awaits a resolution.</summary>
    public const string StockShort = ReviewKinds.StockShort;

    /// <summary>An order was recorded as never acceptable.</summary>
    public const string RejectedOrder = ReviewKinds.RejectedOrder;

    /// <summary>A till sent an order HQ answered <c>conflict</c>.</summary>
    public const string SyncConflict = ReviewKinds.SyncConflict;

    /// <summary>An offline loyalty burn took a customer's balance below zero.</summary>
    public const string LoyaltyOverdraft = ReviewKinds.LoyaltyOverdraft;

    /// <summary>A till sent a document it (or HQ) could no longer read.</summary>
    public const string DamagedDocument = ReviewKinds.DamagedDocument;

    /// <summary>A committed return disagrees with its original sale.</summary>
    public const string ReturnMismatch = ReviewKinds.ReturnMismatch;

    /// <summary>An original line was returned beyond what was sold, across all tills.</summary>
    public const string OverReturn = ReviewKinds.OverReturn;

    /// <summary>A return's original has not reached HQ in time.</summary>
    public const string ReturnUnlinked = ReviewKinds.ReturnUnlinked;

    /// <summary>A return's receipt code does not verify.</summary>
    public const string ReceiptCodeInvalid = ReviewKinds.ReceiptCodeInvalid;

    /// <summary>A store credit voucher was spent beyond its balance.</summary>
    public const string StoreCreditOverdraft = ReviewKinds.StoreCreditOverdraft;

    /// <summary>HQ's count of a closed shift is not the till's.</summary>
    public const string ShiftCountDiffers = ReviewKinds.ShiftCountDiffers;

    /// <summary>The portal refused an e-invoice as past its reporting limit.</summary>
    public const string EInvoicePastLimit = ReviewKinds.EInvoicePastLimit;

    /// <summary>A committed sale was priced beyond its cashier's limits without an approval that covers it.</summary>
    public const string PriceDeviation = ReviewKinds.PriceDeviation;

    /// <summary>Waiting for a manager.</summary>
    public const string Open = "open";

    /// <summary>Decided; see <c>review_resolutions</c>.</summary>
    public const string Resolved = "resolved";

    /// <summary>The stored string of <paramref name="kind"/> (<c>review_items.kind</c>).</summary>
    public static string Stored(ReviewKind kind) => kind switch
    {
        ReviewKind.StockShort => StockShort,
        ReviewKind.RejectedOrder => RejectedOrder,
        ReviewKind.SyncConflict => SyncConflict,
        ReviewKind.LoyaltyOverdraft => LoyaltyOverdraft,
        ReviewKind.DamagedDocument => DamagedDocument,
        ReviewKind.ReturnMismatch => ReturnMismatch,
        ReviewKind.OverReturn => OverReturn,
        ReviewKind.ReturnUnlinked => ReturnUnlinked,
        ReviewKind.ReceiptCodeInvalid => ReceiptCodeInvalid,
        ReviewKind.StoreCreditOverdraft => StoreCreditOverdraft,
        ReviewKind.ShiftCountDiffers => ShiftCountDiffers,
        ReviewKind.PriceDeviation => PriceDeviation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What a manager can do about an item of <paramref name="kind"/> opened for <paramref name="reason"/>.</summary>
    public static string Guidance(string kind, string? reason) => (kind, reason) switch
    {
        (StockShort, _) =>
            "Find the stock: transfer_in from another store (its stock goes down as much), backorder it for the customer, "
            + "write_off to accept it (on-hand stays short until the next count or receipt), or credit_note to refund the short units.",
        (LoyaltyOverdraft, _) =>
            "The till burned points offline that the customer no longer had (another till redeemed them first). acknowledge leaves "
            + "the balance negative for future earns to cover; write_off restores it to zero at the store's cost (Dr expenses:loyalty).",
        (DamagedDocument, _) =>
            "A till made this document (a sale or a return: its money moved) but the copy it sent could not be read. Compare the "
            + "readable part below with the till's printed copy and the drawer, record what it was by hand if needed, then acknowledge.",
        (ReturnMismatch, _) =>
            "The return committed (the customer has the refund) but does not restate its original bill: compare the credit note with "
            + "the bill. If the till refunded too much, recover it from the customer or write it off in the books; then acknowledge.",
        (OverReturn, _) =>
            "More of this bill line came back than was sold: two tills refunded the same units, each while offline. The credit notes "
            + "are listed; recover the extra refund or accept it as a loss, then acknowledge.",
        (ReturnUnlinked, _) =>
            "The sale this return refers to has not reached HQ in the configured time: find the selling till (offline, broken, or "
            + "its queue stuck) or check the receipt. The item stays linked to the return; acknowledge once settled.",
        (ReceiptCodeInvalid, _) =>
            "The receipt code scanned for this return does not verify with the selling till's key: the receipt was altered or forged. "
            + "Check the printed receipt and the cashier's account, then acknowledge.",
        (StoreCreditOverdraft, _) =>
            "Tills spent this store credit voucher beyond what its credit note issued, each while offline, so none knew of the others' "
            + "spends. The spends are listed; recover the difference from the customer or accept it as a loss, then acknowledge.",
        (ShiftCountDiffers, _) =>
            "The till's Z report expected other takings than the documents HQ holds for the shift (every one of them is at HQ once the "
            + "close is). Compare the Z report with the shift's bills and credit notes: a document changed or missing on the till, or a "
            + "till's figures gone wrong; count the drawer against HQ's figure if need be, then acknowledge.",
        (EInvoicePastLimit, _) =>
            "The e-invoice portal refused this B2B document: it was reported more than 30 days after its date (the till was offline, or "
            + "the bill waited parked), so it can never get an IRN and the buyer cannot claim its input tax credit. Settle with the buyer "
            + "(usually a fresh invoice for the supply, dated today, and a credit note against this one), report it as your tax adviser "
            + "says, then acknowledge.",
        (PriceDeviation, _) =>
            "The sale committed at the prices its till billed (the customer paid them), but a line was marked down or overridden beyond "
            + "what the cashier's role may give, without a supervisor's or manager's approval that covers it. Check with the cashier "
            + "and the store why; raise the role's limits if the markdown was right, then acknowledge.",
        (RejectedOrder, _) =>
            "The till kept the sale but HQ can never accept it as sent: fix the cause (catalogue, till settings), settle with the "
            + "customer if needed, then acknowledge.",
        (SyncConflict, SyncReasons.OwnerMismatch) =>
            "Another till already sent a sale with this id: two tills probably share one data folder (a cloned disk). Give this till "
            + "its own data and enrolment, then acknowledge.",
        (SyncConflict, SyncReasons.PayloadMismatch) =>
            "HQ holds this sale with different content: the till's data was changed after the sale. Compare the till's receipt with "
            + "HQ's order, then acknowledge.",
        (SyncConflict, SyncReasons.SeqReused) =>
            "The till's counter went backwards (restored from an old backup), so this sale reuses a number HQ already holds. Restore "
            + "the till's latest data or re-enrol it, then acknowledge.",
        _ => "Look at the detail, then acknowledge.",
    };
}

/// <summary>Kinds of review item a sync batch opens. Starts at 1 so that <c>default</c> is never a valid kind; stored as
/// <see cref="ReviewItems.Stored"/> gives.</summary>
public enum ReviewKind
{
    /// <summary>A sale took on-hand below zero.</summary>
    StockShort = 1,

    /// <summary>A document was recorded as never acceptable.</summary>
    RejectedOrder,

    /// <summary>A till sent a document HQ answered <c>conflict</c>.</summary>
    SyncConflict,

    /// <summary>An offline burn took a loyalty balance below zero.</summary>
    LoyaltyOverdraft,

    /// <summary>A document arrived unreadable (<c>damaged</c>).</summary>
    DamagedDocument,

    /// <summary>A committed return disagrees with its original sale.</summary>
    ReturnMismatch,

    /// <summary>An original line was returned beyond what was sold, across all tills.</summary>
    OverReturn,

    /// <summary>A return's original has not reached HQ in time.</summary>
    ReturnUnlinked,

    /// <summary>A return's receipt code does not verify.</summary>
    ReceiptCodeInvalid,

    /// <summary>A store credit voucher was spent beyond its balance.</summary>
    StoreCreditOverdraft,

    /// <summary>HQ's count of a closed shift is not the till's.</summary>
    ShiftCountDiffers,

    /// <summary>A committed sale was priced beyond what its approvals cover.</summary>
    PriceDeviation,
}
