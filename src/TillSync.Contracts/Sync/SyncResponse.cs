namespace TillSync.Contracts.Sync;

/// <summary>Reply to <c>POST /api/v1/sync</c>, sent only after HQ's transaction committed.</summary>
/// <param name="Results">One result per order, in request order, same length.</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next from this till.</param>
public sealed record SyncResponse(IReadOnlyList<SyncResult> Results, long NextSeq);
