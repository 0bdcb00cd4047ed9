namespace TillSync.Contracts.EInvoicing;

/// <summary>A B2B bill's or credit note's e-invoice as HQ tracks it (<c>GET /api/v1/einvoices</c>).</summary>
/// <param name="ClientOrderId">The sale, or for a credit note the return's document id.</param>
/// <param name="StoreId">The seller store.</param>
/// <param name="TillId">The till that made the sale.</param>
/// <param name="TillSeq">The sale's tillSeq; a till's bills are registered in this order.</param>
/// <param name="DocType">NIC document type: <c>INV</c> (a B2B sale) or <c>CRN</c> (a B2B return's credit note).</param>
/// <param name="DocNo">The bill or credit note number.</param>
/// <param name="DocDate">The bill date, IST, <c>dd/MM/yyyy</c>.</param>
/// <param name="BuyerGstin">The buyer's GSTIN.</param>
/// <param name="TotalPaise">The invoice value in paise.</param>
/// <param name="Status"><c>pending</c>, <c>registered</c>, <c>failed</c> (parked for a manager), <c>waiting</c> (a
/// credit note whose original invoice is not registered yet) or <c>cancelled</c> (registered, then cancelled at the portal).</param>
/// <param name="Irn">The IRN, computed when the sale committed; valid as a tax invoice only once registered.</param>
/// <param name="AckNo">The IRP's acknowledgement number once registered, else null.</param>
/// <param name="AckDt">The acknowledgement time (IST, <c>yyyy-MM-dd HH:mm:ss</c>), else null.</param>
/// <param name="SignedQrCode">The IRP's signed QR code (compact JWS) to print on the receipt, else null.</param>
/// <param name="SignedInvoice">The IRP's signed invoice (compact JWS); only in <c>GET /api/v1/einvoices/{id}</c>, else null.</param>
/// <param name="EwbNo">E-way bill number once a manager raised one (POST /api/v1/einvoices/{id}/eway-bill), else null.</param>
/// <param name="Attempts">Registration attempts so far (reset by a manager's retry).</param>
/// <param name="NextAttemptAt">When a pending bill is tried next (UTC).</param>
/// <param name="LastError">Why the last attempt did not register it (the reason a bill is parked), or null.</param>
/// <param name="UpdatedAt">When the row last changed (UTC).</param>
/// <param name="Warning">Set when an unregistered bill is at risk (20 days old or more: the portal refuses bills more
/// than 30 days old) or past that limit.</param>
/// <param name="OriginalDocNo">For a credit note, the number of the invoice it amends (<c>PrecDocDtls.InvNo</c>); else null.</param>
/// <param name="OriginalDocDate">For a credit note, that invoice's date, <c>dd/MM/yyyy</c>; else null.</param>
/// <param name="CancelledAt">For a cancelled bill, when the portal cancelled it (IST, <c>yyyy-MM-dd HH:mm:ss</c>); else null.</param>
/// <param name="CancelReason">For a cancelled bill, NIC's reason code (1 duplicate, 2 data entry mistake, 3 order
/// cancelled, 4 other); else null.</param>
/// <param name="CancelRemark">For a cancelled bill, the manager's remark; else null.</param>
/// <param name="EwbCancelledAt">For a cancelled e-way bill, when the portal cancelled it (IST, <c>yyyy-MM-dd HH:mm:ss</c>);
/// else null.</param>
/// <param name="EwbCancelReason">For a cancelled e-way bill, NIC's reason code (1 duplicate, 2 order cancelled, 3 data
/// entry mistake, 4 others); else null.</param>
/// <param name="EwbCancelRemark">For a cancelled e-way bill, the manager's remark; else null.</param>
/// <param name="EwbValidTill">For a bill with an e-way bill, until when it is valid (IST, <c>yyyy-MM-dd HH:mm:ss</c>); else null.</param>
/// <param name="ReportBy">For an unregistered bill, the last day the portal takes it (its date + 30 days), <c>dd/MM/yyyy</c>;
/// else null.</param>
public sealed record EInvoiceView(
    Guid ClientOrderId, long StoreId, long TillId, long TillSeq, string DocType, string DocNo, string DocDate, string BuyerGstin,
    long TotalPaise, string Status, string Irn, long? AckNo, string? AckDt, string? SignedQrCode, string? SignedInvoice, long? EwbNo,
    int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset UpdatedAt, string? Warning,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? OriginalDocNo = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? OriginalDocDate = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? ReportBy = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? CancelledAt = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? CancelReason = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? CancelRemark = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? EwbCancelledAt = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? EwbCancelReason = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? EwbCancelRemark = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? EwbValidTill = null);

/// <summary>A page of <see cref="EInvoiceView"/> in till and tillSeq order.</summary>
/// <param name="Items">The bills, at most the page size.</param>
/// <param name="Truncated">True when more bills matched than the page holds.</param>
/// <param name="NextAfter">The cursor of the next page (<c>after=</c>, <c>{tillId}.{tillSeq}</c> of this page's last bill); null
/// on the last page.</param>
public sealed record EInvoicePage(
    IReadOnlyList<EInvoiceView> Items, bool Truncated,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? NextAfter = null);

/// <summary>Body of <c>POST /api/v1/einvoices/{clientOrderId}/retry</c> (optional): corrected buyer details for the
/// e-invoice. A null field keeps the stored value.</summary>
/// <param name="LegalName">The buyer's legal name, 3 to 100 characters.</param>
/// <param name="Address1">Building and street, 1 to 100 characters.</param>
/// <param name="Location">City or town, 3 to 50 characters.</param>
/// <param name="Pin">Six-digit PIN code.</param>
public sealed record EInvoiceRetryRequest(string? LegalName = null, string? Address1 = null, string? Location = null, int? Pin = null);

/// <summary>Body of <c>POST /api/v1/einvoices/{clientOrderId}/cancel</c>: why a registered bill is cancelled at the portal,
/// within 24 hours of its acknowledgement.</summary>
/// <param name="Reason">NIC's reason code: <c>1</c> duplicate, <c>2</c> data entry mistake, <c>3</c> order cancelled,
/// <c>4</c> other.</param>
/// <param name="Remark">What happened, 1 to 100 characters; the portal keeps it with the cancellation.</param>
public sealed record EInvoiceCancelRequest(string Reason, string Remark);

/// <summary>Body of <c>POST /api/v1/einvoices/{clientOrderId}/eway-bill/cancel</c>: why a bill's e-way bill is cancelled
/// at the portal, within 24 hours of its generation.</summary>
/// <param name="Reason">NIC's e-way bill reason code: <c>1</c> duplicate, <c>2</c> order cancelled, <c>3</c> data entry
/// mistake, <c>4</c> others (not the e-invoice cancel's order).</param>
/// <param name="Remark">What happened, 1 to 50 characters; the portal keeps it with the cancellation.</param>
public sealed record EwayBillCancelRequest(string Reason, string Remark);
