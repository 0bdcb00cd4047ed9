using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;

namespace TillSync.Hq.Sync;

/// <summary>What HQ recorded for a document id it has seen: enough to answer a replay exactly as the first time.</summary>
/// <param name="DocumentId">The id.</param>
/// <param name="Kind">The kind it was recorded as.</param>
/// <param name="TillId">The till that made it.</param>
/// <param name="Fingerprint">SHA-256 of its business content.</param>
/// <param name="Status">Committed or rejected.</param>
/// <param name="Number">Its printed number, or null.</param>
/// <param name="CommittedAt">When HQ recorded it.</param>
/// <param name="Flags">Its flags.</param>
/// <param name="Reason">Why it was rejected, or null.</param>
/// <param name="Detail">The rejection's sentence, or null.</param>
public sealed record KnownDocument(
    Guid DocumentId, string Kind, long TillId, string Fingerprint, DocumentStatus Status, string? Number, DateTimeOffset CommittedAt,
    IReadOnlyList<string> Flags, string? Reason, string? Detail)
{
    /// <summary>The answer to <paramref name="document"/> from <paramref name="tillId"/> with <paramref name="fingerprint"/>
    /// (the contract's dedup rule, for every kind). It never reveals another till's document. A <c>damaged</c> stand-in
    /// for a document HQ holds intact is answered with the recorded result: the till may drop its unreadable copy.</summary>
    public DocumentResult Answer(IncomingDocument document, long tillId, string fingerprint, string? sentNumber)
    {
        if (TillId != tillId)
        {
            return DocumentResults.Conflict(document, sentNumber, SyncReasons.OwnerMismatch, null,
                "this documentId was recorded for another till; a till can only sync its own documents");
        }

        var replay = Status == DocumentStatus.Committed
            ? new DocumentResult(document.SentKind, DocumentId, document.TillSeq, SyncStatus.Duplicate, Number, CommittedAt, true, Flags, null, null, null)
            : new DocumentResult(document.SentKind, DocumentId, document.TillSeq, SyncStatus.Rejected, Number, CommittedAt, true, [], Reason, null, Detail);
        if (document.Kind == DocumentKinds.Damaged && Kind != DocumentKinds.Damaged)
        {
            return replay;
        }

        if (Kind != document.Kind)
        {
            return DocumentResults.Conflict(document, sentNumber, SyncReasons.PayloadMismatch, null,
                $"this documentId was recorded as a {Kind} document; a document id is never reused, not even for another kind");
        }

        return Fingerprint == fingerprint
            ? replay
            : DocumentResults.Conflict(document, sentNumber, SyncReasons.PayloadMismatch, null,
                $"this documentId was recorded with different content ({Number ?? "no number"}); a document is never changed after it is saved");
    }
}
