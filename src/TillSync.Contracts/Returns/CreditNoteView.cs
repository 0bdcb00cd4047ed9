using TillSync.Contracts.Documents;

namespace TillSync.Contracts.Returns;

/// <summary>A committed return as HQ recorded it: a credit note (<c>GET /api/v1/credit-notes/{documentId}</c>).</summary>
/// <param name="DocumentId">The return document's id.</param>
/// <param name="TillId">The till that made the return.</param>
/// <param name="StoreId">The till's store.</param>
/// <param name="TillSeq">The till's sequence number of the document.</param>
/// <param name="CreditNoteNo">The credit note number.</param>
/// <param name="CreatedAt">When the till made it.</param>
/// <param name="CommittedAt">When HQ committed it.</param>
/// <param name="Flags">Facts such as <c>awaiting_original</c> (when committed), <c>over_return</c>, <c>loyalty_overdraft</c>.</param>
/// <param name="OriginalOrderId">The original sale's id.</param>
/// <param name="OriginalBillNo">The original bill number.</param>
/// <param name="OriginalTillId">The till that sold the original.</param>
/// <param name="Reason">The return's reason code.</param>
/// <param name="B2b">True when the customer has a GSTIN.</param>
/// <param name="LinkedAt">When HQ linked it to its original (the original arrived, before or after it); null while HQ
/// awaits the original.</param>
/// <param name="TotalPaise">The refund total, in paise.</param>
/// <param name="Return">The return as the till sent it.</param>
public sealed record CreditNoteView(
    Guid DocumentId, long TillId, long StoreId, long TillSeq, string CreditNoteNo, DateTimeOffset CreatedAt, DateTimeOffset CommittedAt,
    IReadOnlyList<string> Flags, Guid OriginalOrderId, string OriginalBillNo, long OriginalTillId, string Reason, bool B2b, DateTimeOffset? LinkedAt,
    long TotalPaise, ReturnDto Return);

/// <summary>A page of credit notes, oldest first (<c>GET /api/v1/credit-notes</c>).</summary>
/// <param name="CreditNotes">Up to <c>limit</c> credit notes.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null when this page is the last.</param>
public sealed record CreditNotePage(IReadOnlyList<CreditNoteView> CreditNotes, Guid? NextAfter);

/// <summary>One line of a sale with what has come back of it across all tills (<c>GET /api/v1/orders/{id}</c>).</summary>
/// <param name="LineNo">The line, from 1.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="SoldQty">Quantity sold.</param>
/// <param name="ReturnedQty">Σ quantity on committed returns of the line, from every till.</param>
/// <param name="ReturnableQty">What may still come back: sold less returned, never below 0.</param>
public sealed record ReturnableLine(int LineNo, string Sku, decimal SoldQty, decimal ReturnedQty, decimal ReturnableQty);

/// <summary>A credit note against a sale, in brief.</summary>
/// <param name="DocumentId">The return document's id.</param>
/// <param name="CreditNoteNo">Its number.</param>
/// <param name="TillId">The till that made it.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="TotalPaise">Its refund total.</param>
/// <param name="Flags">Its flags.</param>
public sealed record SaleReturn(Guid DocumentId, string CreditNoteNo, long TillId, DateTimeOffset CreatedAt, long TotalPaise, IReadOnlyList<string> Flags);
