namespace TillSync.Hq.Sync;

/// <summary>Why a document can never be accepted: a wire reason code and a sentence for the person reading it.</summary>
/// <param name="Reason">One of <c>SyncReasons</c>, e.g. <c>unknown_sku</c>.</param>
/// <param name="Detail">Which field and why, e.g. "line 2: SKU 'X' is not in HQ's catalogue".</param>
public sealed record Rejection(string Reason, string Detail);
