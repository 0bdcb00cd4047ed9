namespace TillSync.Contracts.Tills;

/// <summary>HQ's end-to-end check of the chain it holds of one till (<c>GET /api/v1/tills/{tillId}/chain</c>, ADR 0016):
/// every entry's hash from the document's recorded SHA-256, every link and every signature against the till's key.</summary>
/// <param name="TillId">The till.</param>
/// <param name="Entries">Documents HQ holds of the till.</param>
/// <param name="Chained">Entries checked that carry a chain entry (the rest came before the till's chain began).</param>
/// <param name="Holds">True when no link is broken.</param>
/// <param name="BrokenAt">The <c>tillSeq</c> of the first broken link; null when it holds.</param>
/// <param name="BreakKind">What breaks there: <c>missing</c>, <c>out_of_order</c>, <c>unchained</c>, <c>relinked</c>,
/// <c>edited</c> or <c>bad_signature</c>; null when it holds.</param>
/// <param name="Detail">A sentence naming the break; null when it holds.</param>
/// <param name="HeadSeq">The highest <c>tillSeq</c> HQ holds; 0 for none.</param>
/// <param name="HeadHash">Its chain hash; null when unchained or none.</param>
public sealed record TillChainReport(
    long TillId, long Entries, long Chained, bool Holds, long? BrokenAt, string? BreakKind, string? Detail, long HeadSeq, string? HeadHash);
