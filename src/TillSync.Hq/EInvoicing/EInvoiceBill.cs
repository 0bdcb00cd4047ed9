using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>One row of the <c>einvoices</c> outbox, as the worker and the manager API read it: a B2B invoice (<c>INV</c>,
/// keyed by the sale's id) or credit note (<c>CRN</c>, keyed by the return's document id, with its original invoice's
/// number and date). <c>TillIrn</c> is the IRN the till printed, null from tills before it. A cancelled bill carries the
/// portal's cancel date (IST, as the portal wrote it) and NIC's reason code with the manager's remark; a cancelled e-way bill
/// the same, in its own columns (<c>ewb_cancelled_at</c>…).</summary>
public sealed record EInvoiceBill(
    string ClientOrderId, long StoreId, long TillId, long TillSeq, string DocType, string DocNo, string DocDate, string BuyerGstin,
    string? BuyerName, string? BuyerAddress1, string? BuyerLocation, int? BuyerPin, long TotalPaise, string Status, string Irn,
    long? AckNo, string? AckDt, string? SignedInvoice, string? SignedQrCode, long? EwbNo, string? EwbDate, string? EwbValidTill,
    int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset ClaimedUntil, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? TillIrn, string? OriginalDocNo, string? OriginalDocDate, string? CancelledAt, string? CancelReason, string? CancelRemark,
    string? EwbCancelledAt, string? EwbCancelReason, string? EwbCancelRemark)
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "client_order_id, store_id, till_id, till_seq, doc_type, doc_no, doc_date, buyer_gstin, buyer_name, buyer_address1, buyer_location, " +
        "buyer_pin, total_paise, status, irn, ack_no, ack_dt, signed_invoice, signed_qr, ewb_no, ewb_date, ewb_valid_till, attempts, " +
        "next_attempt_at, claimed_until, last_error, created_at, updated_at, till_irn, original_doc_no, original_doc_date, cancelled_at, " +
        "cancel_reason, cancel_remark, ewb_cancelled_at, ewb_cancel_reason, ewb_cancel_remark";

    /// <summary>Maps a row selected with <see cref="Columns"/>.</summary>
    public static EInvoiceBill Read(DbDataReader r) => new(
        r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
        r.NullableString(8), r.NullableString(9), r.NullableString(10), r.IsDBNull(11) ? null : r.GetInt32(11), r.GetInt64(12),
        r.GetString(13), r.GetString(14), r.IsDBNull(15) ? null : r.GetInt64(15), r.NullableString(16), r.NullableString(17),
        r.NullableString(18), r.IsDBNull(19) ? null : r.GetInt64(19), r.NullableString(20), r.NullableString(21), r.GetInt32(22),
        StoredTime.Parse(r.GetString(23)), StoredTime.Parse(r.GetString(24)), r.NullableString(25), StoredTime.Parse(r.GetString(26)),
        StoredTime.Parse(r.GetString(27)), r.NullableString(28), r.NullableString(29), r.NullableString(30), r.NullableString(31),
        r.NullableString(32), r.NullableString(33), r.NullableString(34), r.NullableString(35), r.NullableString(36));

    /// <summary>True when the bill has an e-way bill that is not cancelled.</summary>
    public bool HasActiveEwayBill => EwbNo is not null && EwbCancelledAt is null;
}
