namespace TillSync.Core.EInvoicing;

/// <summary>What the payload generator needs to know about the document itself.</summary>
/// <param name="Type">Invoice or credit note (debit notes are built the same way).</param>
/// <param name="Number">The bill or credit note number, at most 16 characters.</param>
/// <param name="Date">The document date (in IST).</param>
/// <param name="RoundOffPaise">The recorded round-off, |roundOff| &lt; 100.</param>
/// <param name="TotalPaise">The recorded total: Σ lines + round-off.</param>
/// <param name="OriginalInvoice">For a credit or debit note, the invoice it amends; null for an invoice.</param>
public sealed record EInvoiceDocument(
    EInvoiceDocumentType Type, string Number, DateOnly Date, long RoundOffPaise, long TotalPaise,
    OriginalInvoice? OriginalInvoice = null);
