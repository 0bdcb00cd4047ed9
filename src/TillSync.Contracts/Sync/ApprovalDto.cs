namespace TillSync.Contracts.Sync;

/// <summary>A supervisor's or manager's approval of a sale's markdowns beyond the cashier's limits, given at the till by
/// their PIN, checked offline against the snapshot (docs/pricing.md).</summary>
/// <param name="ApproverId">HQ's staff id of the supervisor or manager who typed their PIN.</param>
/// <param name="Reason">Why, as the cashier typed or picked it: 1 to 200 printable characters.</param>
public sealed record ApprovalDto(long ApproverId, string Reason);
