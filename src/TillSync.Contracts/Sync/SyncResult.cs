namespace TillSync.Contracts.Sync;

/// <summary>What HQ did with one order of a sync batch.</summary>
/// <param name="ClientOrderId">The order's id, echoed.</param>
/// <param name="TillSeq">The order's sequence number, echoed.</param>
/// <param name="Status">The outcome.</param>
/// <param name="BillNo">The committed bill number (created, duplicate) or the one sent.</param>
/// <param name="CommittedAt">When HQ first committed or rejected the order; null when nothing was recorded.</param>
/// <param name="Replayed">True when this answer repeats a result recorded by an earlier sync.</param>
/// <param name="Flags">Facts about a committed order, such as <c>stock_short</c>; see <see cref="OrderFlags"/>.</param>
/// <param name="Reason">Why an order was rejected, conflicted or not processed; see <see cref="SyncReasons"/>.</param>
/// <param name="ExpectedSeq">With <c>seq_gap</c> and <c>seq_reused</c>: the <c>tillSeq</c> HQ expects.</param>
/// <param name="Detail">A sentence for the person who reads the reason, e.g. which line and why.</param>
public sealed record SyncResult(
    Guid ClientOrderId,
    long TillSeq,
    SyncStatus Status,
    string? BillNo,
    DateTimeOffset? CommittedAt,
    bool Replayed,
    IReadOnlyList<string> Flags,
    string? Reason,
    long? ExpectedSeq,
    string? Detail);
