using TillSync.Contracts.Documents;
using TillSync.Core.Tax;
using TillSync.Hq.Stock;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Returns;

/// <summary>The rows of a committed return — its credit note (<c>returns</c>), lines and refund tenders — by name.</summary>
public static class ReturnRows
{
    /// <summary>The columns of <c>returns</c>.</summary>
    public static readonly Column<Header>[] HeaderColumns =
    [
        new("document_id", r => r.DocumentId.ToString("D")),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("till_seq", r => r.TillSeq),
        new("credit_note_no", r => r.Return.CreditNoteNo),
        new("flags", r => DocumentStatuses.FormatFlags(r.Flags)),
        new("fingerprint", r => r.Fingerprint),
        new("created_at", r => StoredTime.Text(r.Return.CreatedAt)),
        new("committed_at", r => StoredTime.Text(r.CommittedAt)),
        new("original_order_id", r => r.Return.Original.ClientOrderId.ToString("D")),
        new("original_bill_no", r => r.Return.Original.BillNo),
        new("original_till_id", r => r.Return.Original.TillId),
        new("return_reason", r => r.Return.Reason),
        new("customer_gstin", r => r.Return.Customer?.Gstin),
        new("inter_state", r => r.SupplyKind == SupplyKind.InterState ? 1 : 0),
        new("taxable_paise", r => r.Return.Totals.TaxablePaise),
        new("cgst_paise", r => r.Return.Totals.CgstPaise),
        new("sgst_paise", r => r.Return.Totals.SgstPaise),
        new("igst_paise", r => r.Return.Totals.IgstPaise),
        new("round_off_paise", r => r.Return.Totals.RoundOffPaise),
        new("total_paise", r => r.Return.Totals.TotalPaise),
        new("body_json", r => r.BodyJson),
        new("cashier_id", r => r.Return.CashierId),
    ];

    /// <summary>The columns of <c>return_lines</c>.</summary>
    public static readonly Column<Line>[] LineColumns =
    [
        new("document_id", r => r.DocumentId.ToString("D")),
        new("line_no", r => r.LineNo),
        new("store_id", r => r.StoreId),
        new("original_order_id", r => r.OriginalOrderId.ToString("D")),
        new("original_line_no", r => r.Returned.OriginalLineNo),
        new("sku", r => r.Returned.Sku),
        new("qty_milli", r => Quantity.ToMilli(r.Returned.Qty)),
        new("unit_price_paise", r => r.Returned.UnitPricePaise),
        new("discount_paise", r => r.Returned.OriginalDiscountPaise),
        new("gst_rate_bp", r => r.Returned.GstRateBp),
        new("condition", r => r.Returned.Condition),
        new("taxable_paise", r => r.Tax.TaxablePaise),
        new("cgst_paise", r => r.Tax.CgstPaise),
        new("sgst_paise", r => r.Tax.SgstPaise),
        new("igst_paise", r => r.Tax.IgstPaise),
        new("cost_paise", r => r.CostPaise),
    ];

    /// <summary>The columns of <c>return_refunds</c>.</summary>
    public static readonly Column<Refund>[] RefundColumns =
    [
        new("document_id", r => r.DocumentId.ToString("D")),
        new("refund_no", r => r.RefundNo),
        new("store_id", r => r.StoreId),
        new("method", r => r.Tender.Method),
        new("amount_paise", r => r.Tender.AmountPaise),
        new("reference", r => r.Tender.Reference),
    ];

    /// <summary>A committed return's credit note.</summary>
    public sealed record Header(
        Guid DocumentId, ReturnDto Return, long StoreId, long TillId, DateTimeOffset CommittedAt, string Fingerprint, IReadOnlyList<string> Flags,
        SupplyKind SupplyKind, string BodyJson)
    {
        /// <summary>The till's sequence number, set by the caller.</summary>
        public long TillSeq { get; init; }
    }

    /// <summary>One returned line with its refund and the cost of the returned quantity.</summary>
    public sealed record Line(Guid DocumentId, int LineNo, long StoreId, Guid OriginalOrderId, ReturnLineDto Returned, LineTax Tax, long CostPaise);

    /// <summary>One refund tender.</summary>
    public sealed record Refund(Guid DocumentId, int RefundNo, long StoreId, RefundDto Tender);
}
