namespace TillSync.Till.Outbox;

/// <summary>What one sync's answers did to the queue.</summary>
/// <param name="Synced">Documents HQ committed (created or duplicate).</param>
/// <param name="Rejected">Documents HQ recorded as rejected.</param>
/// <param name="Conflicts">Documents HQ refused as conflicts (they stay queued).</param>
/// <param name="NotProcessed">Documents HQ did not look at; they go again.</param>
/// <param name="Requeued">Documents queued again because HQ's <c>nextSeq</c> shows it lost them.</param>
/// <param name="UnsupportedKind">The kind of the first document HQ answered <c>unsupported_kind</c> for (it holds back
/// everything after it): HQ must be upgraded before it goes. Null when HQ took every kind sent.</param>
public sealed record AppliedResults(int Synced, int Rejected, int Conflicts, int NotProcessed, int Requeued, string? UnsupportedKind = null);
