namespace TillSync.Contracts.Status;

/// <summary>HQ's answer to <c>GET /api/status</c> (no token needed): which release it is and which sync contracts it
/// speaks, so that a till can tell before it sends anything whether this HQ understands it (docs/deploy.md, upgrades).</summary>
/// <param name="Version">HQ's release, e.g. <c>1.4.0+3f2c…</c> (the release number, then the commit it was built from).</param>
/// <param name="SyncContracts">The sync contracts HQ answers, oldest first, e.g. <c>["v1", "v2"]</c>: contract <c>vN</c> is
/// <c>POST /api/vN/sync</c>. HQ keeps answering the older ones so that tills of earlier releases keep working.</param>
public sealed record HqStatus(string Version, IReadOnlyList<string> SyncContracts);
