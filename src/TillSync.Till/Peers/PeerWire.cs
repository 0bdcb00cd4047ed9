using TillSync.Contracts.Documents;

namespace TillSync.Till.Peers;

/// <summary>A till's answer to <c>GET /peer/v1/heads</c>: the highest <c>tillSeq</c> it holds of each till of the store —
/// its own chained log and the peer copies it holds — so that the asking till pulls only what it lacks.</summary>
/// <param name="TillId">The answering till.</param>
/// <param name="Heads">One row per till it holds entries of.</param>
/// <param name="Statements">HQ's signed statements about other tills from the answering till's relay answers (ADR 0020),
/// for each origin to adopt; absent from a till that does not relay.</param>
/// <param name="Outcomes">HQ's signed rejections of the asking till's documents from the answering till's relay answers,
/// for it to adopt (a statement says HQ holds a document, not how it took it); absent when there are none.</param>
public sealed record PeerHeads(
    long TillId, IReadOnlyList<PeerHead> Heads, IReadOnlyList<HqStatementDto>? Statements = null, IReadOnlyList<HqOutcomeDto>? Outcomes = null);

/// <summary>The highest <c>tillSeq</c> a till holds of one till's chain (contiguous from that chain's start).</summary>
/// <param name="TillId">The origin till.</param>
/// <param name="TillSeq">Its highest entry held; 0 for none.</param>
public sealed record PeerHead(long TillId, long TillSeq);

/// <summary>A page of one till's chain after a given <c>tillSeq</c> (<c>GET /peer/v1/tills/{tillId}/entries?after=</c>), at
/// most <see cref="PeerExchange.PageDocumentsMax"/> entries and about <see cref="PeerExchange.PageBytesMax"/> bytes of
/// documents, in <c>tillSeq</c> order.</summary>
/// <param name="OriginTillId">The till whose entries these are.</param>
/// <param name="Entries">The entries, oldest first.</param>
/// <param name="More">True when the answering till holds more entries after the last one.</param>
public sealed record PeerPage(long OriginTillId, IReadOnlyList<PeerEntry> Entries, bool More);

/// <summary>One document of a till's chain as it travels between peers: its exact stored bytes and its chain entry
/// (ADR 0016), unchanged from what the origin till wrote, so that a copy can be checked, served on and relayed as it is.</summary>
/// <param name="TillSeq">The entry's sequence number.</param>
/// <param name="Document">The document's JSON exactly as the origin till stored it (<c>documents.body_json</c>).</param>
/// <param name="PrevHash">The previous entry's hash (64 zeros at the chain's start).</param>
/// <param name="Hash">The entry's hash.</param>
/// <param name="Signature">The origin till's ES256 signature over <paramref name="Hash"/>.</param>
public sealed record PeerEntry(long TillSeq, string Document, string PrevHash, string Hash, string Signature);
