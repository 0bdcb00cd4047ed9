using TillSync.Contracts.Documents;

namespace TillSync.Till.Sync;

/// <summary>A peer till's document as this till relays it to HQ (ADR 0020): the exact bytes the peer stored and signed,
/// and its chain entry, which HQ requires of every relayed document.</summary>
/// <param name="TillSeq">The document's <c>tillSeq</c> in its own till's log.</param>
/// <param name="DocumentId">Its id, which HQ's answer echoes.</param>
/// <param name="Json">The document's JSON exactly as its till stored it; its chain hash covers these bytes.</param>
/// <param name="Chain">Its chain entry, signed by its own till.</param>
public sealed record RelayedDocument(long TillSeq, Guid DocumentId, string Json, DocumentChainDto Chain);
