namespace TillSync.Core.EInvoicing;

/// <summary>The kind of document registered with the IRP (<c>DocDtls.Typ</c>).</summary>
public enum EInvoiceDocumentType
{
    /// <summary>A tax invoice, code <c>INV</c>.</summary>
    Invoice = 1,

    /// <summary>A credit note (a refund or a return against an earlier invoice), code <c>CRN</c>.</summary>
    CreditNote,

    /// <summary>A debit note, code <c>DBN</c>.</summary>
    DebitNote,
}
