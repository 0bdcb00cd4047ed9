using TillSync.Contracts.Documents;

namespace TillSync.Till.Outbox;

/// <summary>A queued document as it will be sent.</summary>
/// <param name="TillSeq">Its sequence number.</param>
/// <param name="DocumentId">Its id.</param>
/// <param name="Kind">The kind sent: the stored kind, or <c>damaged</c>.</param>
/// <param name="Json">The JSON to send: the stored document, or its placeholder.</param>
/// <param name="Damage">Why the stored document could not be sent as it was; null when it was.</param>
/// <param name="Chain">Its chain entry as stored (ADR 0016), sent beside it, also with a damaged placeholder (HQ then checks
/// the link and the signature); null for a row from before the chain.</param>
public sealed record QueuedDocument(long TillSeq, Guid DocumentId, string Kind, string Json, string? Damage, DocumentChainDto? Chain = null);
