using System.Text.Json.Serialization;

namespace TillSync.Contracts.Sync;

/// <summary>Body of <c>POST /api/v1/sync</c>: a till's queued orders, oldest first.</summary>
/// <param name="Orders">0 to <c>Limits.SyncOrdersMax</c> (500) orders with strictly increasing <c>tillSeq</c>; an empty
/// batch is a heartbeat.</param>
/// <param name="Status">The till's queue as it stands, for HQ's fleet view; optional.</param>
public sealed record SyncRequest(
    IReadOnlyList<OrderDto> Orders,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TillStatusReport? Status = null);
