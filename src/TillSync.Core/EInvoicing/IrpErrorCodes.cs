namespace TillSync.Core.EInvoicing;

/// <summary>The NIC error codes the IRP simulator answers with (docs/decisions/0004-irp-simulator.md lists which
/// are NIC's published codes and which the simulator chose).</summary>
public static class IrpErrorCodes
{
    /// <summary>The <c>AuthToken</c> is missing, unknown or expired: sign in again (NIC's "Invalid Token").</summary>
    public const string InvalidToken = "1005";

    /// <summary>The <c>client_id</c> or <c>client_secret</c> header is missing or wrong.</summary>
    public const string InvalidClient = "1010";

    /// <summary>The sign-in's <c>Data</c> does not decrypt with the portal's key, or its AppKey is not 32 bytes.</summary>
    public const string SignInNotDecrypted = "1016";

    /// <summary>No such API user.</summary>
    public const string IncorrectUser = "1017";

    /// <summary>The API user's password is wrong.</summary>
    public const string IncorrectPassword = "1019";

    /// <summary>The <c>gstin</c> header is missing.</summary>
    public const string HeaderGstinRequired = "1004";

    /// <summary>The <c>user_name</c> header is missing.</summary>
    public const string UserNameRequired = "1006";

    /// <summary>The <c>gstin</c> header is not a GSTIN.</summary>
    public const string InvalidGstinForUser = "1015";

    /// <summary>The payload does not match the schema (or is not JSON).</summary>
    public const string SchemaValidation = "2140";

    /// <summary>A cancel or e-way bill request lacks a required value.</summary>
    public const string IncompleteRequest = "2142";

    /// <summary>The document or IRN belongs to another GSTIN than the caller's.</summary>
    public const string NotOwnGstin = "2143";

    /// <summary>No registration has that IRN (or those document details).</summary>
    public const string IrnNotFound = "2148";

    /// <summary>The document is already registered; <c>InfoDtls</c> carries <c>DUPIRN</c>.</summary>
    public const string DuplicateIrn = "2150";

    /// <summary>A credit or debit note's preceding document (<c>RefDtls.PrecDocDtls</c>) is not an active invoice the
    /// portal registered for the caller's GSTIN, or the note has none.</summary>
    public const string PrecedingDocumentNotRegistered = "2299";

    /// <summary>The document date is after today (IST).</summary>
    public const string FutureDocumentDate = "2163";

    /// <summary>The document is dated more than the reporting limit's days ago (<see cref="ReportingLimit"/>) and its
    /// seller is in the turnover band the limit applies to.</summary>
    public const string ReportingLimitPassed = "2296";

    /// <summary>Intra-state supply (seller state = place of supply) carrying IGST.</summary>
    public const string IgstOnIntraState = "2172";

    /// <summary>Inter-state supply carrying CGST or SGST.</summary>
    public const string CgstSgstOnInterState = "2173";

    /// <summary>Σ items' AssAmt ≠ ValDtls.AssVal.</summary>
    public const string AssessableTotalMismatch = "2182";

    /// <summary>Σ items' CGST ≠ ValDtls.CgstVal.</summary>
    public const string CgstTotalMismatch = "2183";

    /// <summary>Σ items' SGST ≠ ValDtls.SgstVal.</summary>
    public const string SgstTotalMismatch = "2184";

    /// <summary>Σ items' IGST ≠ ValDtls.IgstVal.</summary>
    public const string IgstTotalMismatch = "2185";

    /// <summary>TotInvVal differs from Σ TotItemVal + OthChrg − Discount + RndOffAmt by more than one rupee.</summary>
    public const string InvoiceTotalMismatch = "2189";

    /// <summary>An item's AssAmt ≠ TotAmt − Discount.</summary>
    public const string ItemAssessableMismatch = "2193";

    /// <summary>An item's TotItemVal ≠ AssAmt + taxes + cess + other charges.</summary>
    public const string ItemTotalMismatch = "2194";

    /// <summary>Cancel refused: an active e-way bill exists for the IRN.</summary>
    public const string ActiveEwayBill = "2230";

    /// <summary>Cancel refused: more than 24 hours since the acknowledgement.</summary>
    public const string CancelWindowPassed = "2270";

    /// <summary>E-way bill cancel refused: no such e-way bill of the caller's, or it is cancelled already.</summary>
    public const string EwayBillNotCancellable = "312";

    /// <summary>E-way bill cancel refused: more than 24 hours since it was generated.</summary>
    public const string EwayBillCancelWindowPassed = "315";

    /// <summary>An e-way bill already exists for the IRN.</summary>
    public const string EwayBillExists = "4002";

    /// <summary>The IRN is cancelled: no e-way bill, no second cancel.</summary>
    public const string IrnNotActive = "9999";
}
