namespace TillSync.Contracts.Tills;

/// <summary>A till's token revoked (<c>POST /api/v1/tills/{tillId}/revocation</c>): every request with it is refused
/// with 401 from now on, until a new token is issued.</summary>
/// <param name="TillId">The till.</param>
/// <param name="RevokedAt">When the token was revoked (the first revocation's time when it already was).</param>
public sealed record TillRevocation(long TillId, DateTimeOffset RevokedAt);

/// <summary>A new token for a till (<c>POST /api/v1/tills/{tillId}/token</c>): the old one is refused from now on. Shown
/// once; HQ keeps only its hash.</summary>
/// <param name="TillId">The till.</param>
/// <param name="Token">The new bearer token (256 random bits).</param>
public sealed record TillTokenIssued(long TillId, string Token);

/// <summary>Replaces a dead till by a new device (<c>POST /api/v1/tills/{tillId}/replacement</c>).</summary>
/// <param name="Reserve">Numbers to leave unused beyond the queue the dead till last reported, for sales it may have
/// made after that report (count them from its paper rolls); 0 to 100,000, default 0.</param>
public sealed record TillReplacementRequest(int Reserve = 0);

/// <summary>The new device's token and where it starts, and the gap the dead till left.</summary>
/// <param name="TillId">The till, the same as before.</param>
/// <param name="Token">The new device's token (the dead device's is refused from now on); shown once.</param>
/// <param name="NextSeq">The <c>tillSeq</c> the new device starts at; its bill numbers start there too.</param>
/// <param name="Gap">What the dead till may have numbered but never delivered.</param>
public sealed record TillReplacementResult(long TillId, string Token, long NextSeq, TillGap Gap);

/// <summary>Documents a dead till may have numbered but HQ never received: a manager accounts for each (a paper bill
/// entered again, or a number noted as never used).</summary>
/// <param name="TillId">The till.</param>
/// <param name="FromSeq">The first <c>tillSeq</c> HQ never received.</param>
/// <param name="ToSeq">The last <c>tillSeq</c> left unused for it (<c>FromSeq − 1</c> when nothing was left).</param>
/// <param name="LastDeliveredBillNo">The last bill number HQ received from the dead till; null when none. The gap's bill
/// numbers follow it, up to <c>ToSeq</c> at most (a document takes at most one number).</param>
/// <param name="ReportedQueueDepth">The queue the dead till last reported; null when it never did.</param>
/// <param name="ReportedAt">When it last reported (its last sync or heartbeat); null when never.</param>
/// <param name="Reserved">Numbers the manager asked to leave beyond that queue.</param>
/// <param name="ReplacedAt">When the till was replaced.</param>
public sealed record TillGap(
    long TillId, long FromSeq, long ToSeq, string? LastDeliveredBillNo, int? ReportedQueueDepth, DateTimeOffset? ReportedAt,
    int Reserved, DateTimeOffset ReplacedAt);
