using TillSync.Contracts.Documents;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;

namespace TillSync.Till.Returns;

/// <summary>Everything a printed credit note shows; stored with the return so that a reprint is the same note.</summary>
/// <param name="DocumentId">The return's id.</param>
/// <param name="TillSeq">Its sequence number.</param>
/// <param name="CreditNoteNo">Its credit note number.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="TillName">This till's name.</param>
/// <param name="Store">The store.</param>
/// <param name="Customer">The original sale's buyer.</param>
/// <param name="B2b">True when the buyer has a GSTIN.</param>
/// <param name="Original">The sale the goods came back from.</param>
/// <param name="Refund">Lines, tax and refund tenders.</param>
/// <param name="Reason">The reason code.</param>
/// <param name="Note">The cashier's note.</param>
/// <param name="SyncState">Where the return stands with HQ.</param>
/// <param name="Irn">A B2B credit note's IRN (document type <c>CRN</c>) as the till computed it, printed as pending
/// registration; null for B2C and for notes stored before it.</param>
/// <param name="Registration">The IRP's registration (IRN, AckNo, AckDt, signed QR) once HQ has reported it; never
/// stored with the note, laid over it when it is read.</param>
public sealed record CreditNote(
    Guid DocumentId, long TillSeq, string CreditNoteNo, DateTimeOffset CreatedAt, string TillName, StoreDto Store, CustomerDto? Customer, bool B2b,
    ReturnOriginalDto Original, ReturnQuote Refund, string Reason, string? Note, string SyncState,
    string? Irn = null, Receipts.IrnInfo? Registration = null);
