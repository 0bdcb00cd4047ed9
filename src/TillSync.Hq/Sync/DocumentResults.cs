using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;

namespace TillSync.Hq.Sync;

/// <summary>The per-document answers that record nothing, and the v1 shape of an answer.</summary>
public static class DocumentResults
{
    /// <summary>A conflict: nothing changed; the till keeps the document under "needs attention".</summary>
    public static DocumentResult Conflict(IncomingDocument document, string? number, string reason, long? expectedSeq, string detail) =>
        new(document.SentKind, document.DocumentId, document.TillSeq, SyncStatus.Conflict, number, null, false, [], reason, expectedSeq, detail);

    /// <summary>Not looked at; the till resends it later with the same id.</summary>
    public static DocumentResult NotProcessed(IncomingDocument document, string? number, string reason, long expectedSeq, string detail) =>
        new(document.SentKind, document.DocumentId, document.TillSeq, SyncStatus.NotProcessed, number, null, false, [], reason, expectedSeq, detail);

    /// <summary>A v2 answer in v1's shape (a v1 batch holds sales only, whose number is the bill number).</summary>
    public static SyncResult ToV1(DocumentResult result) =>
        new(result.DocumentId, result.TillSeq, result.Status, result.Number, result.CommittedAt, result.Replayed, result.Flags, result.Reason,
            result.ExpectedSeq, result.Detail);
}
