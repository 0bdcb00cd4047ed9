namespace TillSync.Simulation.Invariants;

/// <summary>A row of HQ's e-invoice outbox (<c>einvoices</c>) after the run.</summary>
/// <param name="DocumentId">The sale's or return's document id (<c>client_order_id</c>).</param>
/// <param name="TillId">The till that made it.</param>
/// <param name="TillSeq">Its number at that till.</param>
/// <param name="DocType"><c>INV</c> or <c>CRN</c>.</param>
/// <param name="DocNo">The bill or credit note number.</param>
/// <param name="DocDate">Its date, <c>dd/MM/yyyy</c>.</param>
/// <param name="Status"><c>pending</c>, <c>registered</c>, <c>failed</c>, <c>waiting</c> or <c>cancelled</c>.</param>
/// <param name="Irn">HQ's IRN.</param>
/// <param name="TillIrn">The IRN the till printed, or null.</param>
/// <param name="AckNo">The portal's acknowledgement number HQ stored, or null.</param>
/// <param name="OriginalDocNo">A credit note's original invoice number, or null.</param>
/// <param name="OriginalDocDate">Its date, or null.</param>
/// <param name="LastError">Why it is parked or was last postponed, or null.</param>
public sealed record HqEInvoice(
    Guid DocumentId, long TillId, long TillSeq, string DocType, string DocNo, string DocDate, string Status, string Irn, string? TillIrn, long? AckNo,
    string? OriginalDocNo, string? OriginalDocDate, string? LastError);
