namespace TillSync.Core.Orders;

/// <summary>Why an order can never be accepted: a <c>SyncReasons</c> code and a sentence for the person reading it.</summary>
/// <param name="Reason">A <c>SyncReasons</c> code, e.g. <c>totals_mismatch</c>.</param>
/// <param name="Detail">Which field and why, e.g. "line 2: quantity 0 must be positive".</param>
public sealed record OrderCheck(string Reason, string Detail);
