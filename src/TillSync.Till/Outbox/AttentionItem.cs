namespace TillSync.Till.Outbox;

/// <summary>A document on the cashier's "needs attention" list: one the till found damaged (<c>Status</c>
/// <c>damaged</c>), one HQ rejected or refused as a conflict (<c>rejected</c>, <c>conflict</c>), or one with an open HQ
/// review item (<c>review</c>, <c>Reason</c> the item's kind, e.g. <c>stock_short</c>).</summary>
/// <param name="DocumentId">The document (a sale's <c>clientOrderId</c>).</param>
/// <param name="Kind">Its kind: <c>sale</c> or <c>return</c>.</param>
/// <param name="Number">Its bill or credit note number.</param>
/// <param name="TillSeq">Its sequence number; 0 for an HQ item on a document this till does not hold.</param>
/// <param name="Status">Why it is listed.</param>
/// <param name="Reason">The reason code.</param>
/// <param name="Detail">A sentence about it.</param>
/// <param name="At">When it came to be listed.</param>
/// <param name="ReviewId">HQ's review item, when there is one.</param>
public sealed record AttentionItem(
    Guid DocumentId, string Kind, string Number, long TillSeq, string Status, string? Reason, string? Detail, DateTimeOffset At, long? ReviewId = null);
