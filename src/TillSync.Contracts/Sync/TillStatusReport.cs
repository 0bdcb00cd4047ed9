namespace TillSync.Contracts.Sync;

/// <summary>What a till reports about its queue with every sync and heartbeat, for HQ's fleet view.</summary>
/// <param name="QueueDepth">Sales saved on the till that HQ has not acknowledged, 0 or more.</param>
/// <param name="OldestUnsyncedAt">When the oldest of them was made; null when the queue is empty.</param>
public sealed record TillStatusReport(int QueueDepth, DateTimeOffset? OldestUnsyncedAt);
