namespace TillSync.Contracts.Status;

/// <summary>HQ's answer to <c>GET /readyz</c> (no token needed): whether it can serve, and each check behind that.
/// HTTP 200 when <see cref="Status"/> is <c>ready</c> or <c>degraded</c>, 503 when <c>not_ready</c>.</summary>
/// <param name="Status"><c>ready</c>; <c>degraded</c> (HQ serves, but something it reaches out to is not answering: the
/// e-invoice portal); <c>not_ready</c> (the database cannot be read, or its schema is not at this build's head).</param>
/// <param name="Checks">One per thing checked, <c>database</c> first, then <c>portal</c> when HQ has one.</param>
public sealed record Readiness(string Status, IReadOnlyList<ReadinessCheck> Checks);

/// <summary>One check of <see cref="Readiness"/>.</summary>
/// <param name="Name"><c>database</c> or <c>portal</c>.</param>
/// <param name="Status"><c>ready</c>, <c>degraded</c> or <c>not_ready</c>.</param>
/// <param name="Detail">What was seen, in a sentence (never a secret or a connection string).</param>
public sealed record ReadinessCheck(string Name, string Status, string Detail);
