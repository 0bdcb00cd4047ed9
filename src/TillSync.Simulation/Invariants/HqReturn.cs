namespace TillSync.Simulation.Invariants;

/// <summary>A committed return (credit note) as HQ recorded it.</summary>
/// <param name="DocumentId">The till's id of it.</param>
/// <param name="TillId">The till that made it.</param>
/// <param name="TillSeq">Its number in that till's sequence.</param>
/// <param name="CreditNoteNo">Its credit note number.</param>
/// <param name="Flags">Comma-separated flags, e.g. <c>over_return</c>.</param>
/// <param name="OriginalOrderId">The sale it returns goods of.</param>
/// <param name="Linked">True once HQ linked it to that sale.</param>
/// <param name="CommittedAt">When HQ committed it.</param>
/// <param name="TaxablePaise">Taxable value refunded.</param>
/// <param name="GstPaise">CGST + SGST + IGST refunded.</param>
/// <param name="BodyJson">The return as received.</param>
public sealed record HqReturn(
    Guid DocumentId, long TillId, long TillSeq, string CreditNoteNo, string Flags, Guid OriginalOrderId, bool Linked, DateTimeOffset CommittedAt,
    long TaxablePaise, long GstPaise, string BodyJson);
