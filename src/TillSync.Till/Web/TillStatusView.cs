using TillSync.Contracts.Stores;

namespace TillSync.Till.Web;

/// <summary>The status bar (<c>GET /api/status</c>) and <c>tillsync till status</c>; <paramref name="Version"/> is this till's
/// release (null from a till older than the field).</summary>
public sealed record TillStatusView(
    bool Online, int QueueDepth, DateTimeOffset? OldestUnsyncedAt, DateTimeOffset? SnapshotTakenAt, DateTimeOffset? LastSyncAt,
    string? LastSyncOutcome, DateTimeOffset? OfflineSince, DateTimeOffset? RetryAt, int AttentionCount, string? TillName,
    string? BillPrefix, StoreDto? Store, DateTimeOffset Now, string? Version = null);
