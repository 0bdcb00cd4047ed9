namespace TillSync.Contracts.Audit;

/// <summary>One page of the audit log (<c>GET /api/v1/audit</c>), oldest first.</summary>
/// <param name="Entries">The entries after the cursor.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long NextAfter);

/// <summary>One audited action.</summary>
/// <param name="AuditId">Ascending in the order HQ wrote them.</param>
/// <param name="At">When.</param>
/// <param name="Actor">The manager or till that acted (never a token).</param>
/// <param name="Action">What, e.g. <c>review.resolve</c>, <c>loyalty.code.verify</c>.</param>
/// <param name="Detail">A sentence; phones appear masked.</param>
public sealed record AuditEntryView(long AuditId, DateTimeOffset At, string Actor, string Action, string Detail);
