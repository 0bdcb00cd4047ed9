using TillSync.Contracts.Documents;

namespace TillSync.Hq.Sync;

/// <summary>A kind of till document HQ records (a sale, a return, a damaged placeholder, shift and cash documents).
/// A kind is registered once (<see cref="SyncSpine"/>); everything it records goes through its own folder.</summary>
public interface IDocumentKind
{
    /// <summary>The kind on the wire, one of <c>DocumentKinds</c>.</summary>
    string Kind { get; }

    /// <summary>SHA-256 of the document's business content, as 64 lowercase hex characters. Pure: computed before the
    /// batch takes the writer, so it overlaps another till's write.</summary>
    string Fingerprint(TillDocumentDto document);

    /// <summary>The printed number the document carries, echoed in answers that record nothing; null when none.</summary>
    string? NumberOf(TillDocumentDto document);

    /// <summary>Starts the kind's part of one batch with the documents of this kind HQ has not seen: the kind tells the
    /// batch's features what those documents will need (<see cref="SyncBatch.Step{T}"/>) before they load.</summary>
    IKindBatch Begin(SyncBatch batch, IReadOnlyList<TillDocumentDto> newDocuments);
}

/// <summary>One kind's part of one batch: it decides its documents in <c>tillSeq</c> order, in memory, and writes its own
/// rows before the features' steps (its stage is always <see cref="WriteStage.Unshared"/>).</summary>
public interface IKindBatch : IBatchStep
{
    /// <summary>Decides <paramref name="document"/>, whose <c>tillSeq</c> is the till's next, and queues its rows with
    /// the kind's own and the features' steps.</summary>
    DocumentDecision Decide(SyncBatch batch, TillDocumentDto document, string fingerprint);

    /// <summary>Stores the complete flags of documents a later step flagged (e.g. <c>stock_short</c>) in the kind's own
    /// rows; the coordinator updates the ledger.</summary>
    Task FlagAsync(SyncBatch batch, IReadOnlyDictionary<Guid, IReadOnlyList<string>> flagsByDocument, CancellationToken cancellationToken);
}
