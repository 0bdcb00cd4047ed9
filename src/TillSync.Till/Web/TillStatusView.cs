using TillSync.Contracts.Stores;

namespace TillSync.Till.Web;

/// <summary>The status bar (<c>GET /api/status</c>) and <c>tillsync till status</c>. <c>SyncState</c> is <c>online</c>,
/// <c>offline</c> (HQ unreachable) or <c>failing</c> (HQ answers but refuses the sync; <c>LastSyncOutcome</c> says why);
/// <c>OfflineSince</c> is when it stopped being online. <c>ReceiptKey</c> says whether HQ holds this till's receipt key
/// (null before the till asked). <c>Version</c> is this till's release (null from a till older than the field).
/// <c>ShiftOpen</c> says whether a shift is open; <c>ShiftWarning</c> is set while it is open past its business day.
/// <c>DemoLink</c> is <c>up</c> or <c>cut</c> on a till of <c>tillsync demo</c>, whose page then offers the switch
/// (<see cref="Sync.LinkSwitch"/>), and null on every other till. <c>Chain</c> names what is wrong with the till's
/// document log against HQ's signed statement (a restore from an old backup, a truncation; ADR 0016), null when nothing is.</summary>
public sealed record TillStatusView(
    bool Online, int QueueDepth, DateTimeOffset? OldestUnsyncedAt, DateTimeOffset? SnapshotTakenAt, DateTimeOffset? LastSyncAt,
    string? LastSyncOutcome, DateTimeOffset? OfflineSince, DateTimeOffset? RetryAt, int AttentionCount, string? TillName,
    string? BillPrefix, StoreDto? Store, DateTimeOffset Now, string SyncState = "offline", string? ReceiptKey = null, string? Version = null,
    bool ShiftOpen = false, string? ShiftWarning = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? DemoLink = null,
    string? Chain = null);
