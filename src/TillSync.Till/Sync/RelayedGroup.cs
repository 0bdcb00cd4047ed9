namespace TillSync.Till.Sync;

/// <summary>One peer till's documents in a relay request (ADR 0020), oldest first, contiguous from where HQ stands.</summary>
/// <param name="OriginTillId">The peer till that made and signed them, of this till's store.</param>
/// <param name="Documents">Its documents in strictly increasing <c>tillSeq</c>; none asks only for HQ's statement of it.</param>
public sealed record RelayedGroup(long OriginTillId, IReadOnlyList<RelayedDocument> Documents);
