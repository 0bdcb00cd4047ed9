namespace TillSync.Contracts.Documents;

/// <summary>The chain entry of one document (ADR 0016), sent beside it in the <c>chain</c> array of
/// <c>POST /api/v2/sync</c>. The document itself travels as the exact bytes the till stored, so anyone can recompute
/// <see cref="Hash"/> from them.</summary>
/// <param name="TillSeq">The document's <c>tillSeq</c>; names which document of the batch this entry is.</param>
/// <param name="PrevHash">The hash of the till's previous entry, 64 lowercase hex digits; 64 zeros for the first.</param>
/// <param name="Hash">SHA-256 of <c>tillsync-chain/1\n{tillSeq}\n{prevHash}\n{sha256 of the document's bytes}</c>, hex.</param>
/// <param name="Signature">The till's ES256 signature over the 32 bytes of <see cref="Hash"/>, base64url (64 bytes).</param>
public sealed record DocumentChainDto(long TillSeq, string PrevHash, string Hash, string Signature);

/// <summary>HQ's signed statement, in every answer to <c>POST /api/v2/sync</c>, of the highest entry it holds of the
/// till's log (ADR 0016): the till checks its own log against it and names a restore from an old backup or a truncation.</summary>
/// <param name="TillId">The till the statement is about.</param>
/// <param name="TillSeq">The highest <c>tillSeq</c> HQ holds of the till; 0 when none.</param>
/// <param name="Hash">That entry's chain hash; null when it is unchained (before the till's chain began) or there is none.</param>
/// <param name="Signature">HQ's ES256 signature (base64url) over <c>tillsync-hq-statement/1\n{tillId}\n{tillSeq}\n{hash or -}</c>,
/// checked with the HQ key of the snapshot.</param>
public sealed record HqStatementDto(long TillId, long TillSeq, string? Hash, string Signature);

/// <summary>HQ's signed word that it rejected one of a till's documents, in a relay answer (ADR 0020) and handed on to the
/// origin in the peers' heads answers: the origin checks it with the HQ key of its snapshot and marks its document
/// rejected with HQ's reason, as its own sync would have.</summary>
/// <param name="TillId">The origin till.</param>
/// <param name="TillSeq">The rejected document's <c>tillSeq</c>.</param>
/// <param name="DocumentId">The rejected document's id.</param>
/// <param name="Reason">HQ's reason code (<c>SyncReasons</c>).</param>
/// <param name="Detail">HQ's sentence about it.</param>
/// <param name="Signature">HQ's ES256 signature (base64url) over
/// <c>tillsync-hq-outcome/1\n{tillId}\n{tillSeq}\n{documentId}\nrejected\n{reason}\n{detail}</c>.</param>
public sealed record HqOutcomeDto(long TillId, long TillSeq, Guid DocumentId, string Reason, string? Detail, string Signature);
