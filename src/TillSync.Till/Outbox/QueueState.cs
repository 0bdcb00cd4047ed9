namespace TillSync.Till.Outbox;

/// <summary>The queue at a glance.</summary>
/// <param name="QueueDepth">Documents pending or in conflict.</param>
/// <param name="OldestUnsyncedAt">When the oldest of them was made; null when none.</param>
/// <param name="AttentionCount">Items on the cashier's "needs attention" list.</param>
public sealed record QueueState(int QueueDepth, DateTimeOffset? OldestUnsyncedAt, int AttentionCount);
