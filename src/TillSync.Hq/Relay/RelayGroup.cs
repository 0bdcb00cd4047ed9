using TillSync.Hq.Sync;

namespace TillSync.Hq.Relay;

/// <summary>One origin till's documents in a relay request, read as that till's own sync batch would be.</summary>
/// <param name="TillId">The origin till.</param>
/// <param name="Documents">Its documents, each with its chain entry and the SHA-256 of its bytes as they came.</param>
public sealed record RelayGroup(long TillId, IReadOnlyList<IncomingDocument> Documents);
