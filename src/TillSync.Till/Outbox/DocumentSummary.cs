namespace TillSync.Till.Outbox;

/// <summary>A line of the recent-documents list (sales and credit notes, for reprints).</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Kind"><c>sale</c> or <c>return</c>.</param>
/// <param name="TillSeq">Its sequence number.</param>
/// <param name="Number">Its bill or credit note number.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="TotalPaise">Its total (a return's refund), in paise.</param>
/// <param name="SyncState">Where it stands with HQ (<see cref="SyncStates"/>).</param>
/// <param name="Damaged">True when the till can no longer read its stored copy.</param>
public sealed record DocumentSummary(
    Guid DocumentId, string Kind, long TillSeq, string Number, DateTimeOffset CreatedAt, long TotalPaise, string SyncState, bool Damaged);
