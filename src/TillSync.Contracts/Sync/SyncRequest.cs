namespace TillSync.Contracts.Sync;

/// <summary>Body of <c>POST /api/v1/sync</c>: a till's queued orders, oldest first.</summary>
/// <param name="Orders">1 to <c>Limits.SyncOrdersMax</c> (500) orders with strictly increasing <c>tillSeq</c>.</param>
public sealed record SyncRequest(IReadOnlyList<OrderDto> Orders);
