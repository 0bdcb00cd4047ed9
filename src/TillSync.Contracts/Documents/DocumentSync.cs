using System.Text.Json.Serialization;
using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Documents;

/// <summary>Body of <c>POST /api/v2/sync</c>: a till's queued documents of every kind, oldest first.</summary>
/// <param name="Documents">0 to <c>Limits.SyncOrdersMax</c> (500) documents with strictly increasing <c>tillSeq</c>; an
/// empty batch is a heartbeat.</param>
/// <param name="Status">The till's queue as it stands, for HQ's fleet view; optional.</param>
/// <param name="Chain">The chain entries of the chained documents of the batch, one per document at most, each naming its
/// <c>tillSeq</c> (ADR 0016); absent from a till before the chain, whose documents HQ takes unchained.</param>
public sealed record DocumentSyncRequest(
    IReadOnlyList<TillDocumentDto> Documents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TillStatusReport? Status = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DocumentChainDto>? Chain = null);

/// <summary>Reply to <c>POST /api/v2/sync</c>, sent only after HQ's transaction committed.</summary>
/// <param name="Results">One result per document, in request order, same length.</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next from this till.</param>
/// <param name="Statement">HQ's signed statement of the highest entry it holds of this till (ADR 0016); absent from an HQ
/// before the chain.</param>
public sealed record DocumentSyncResponse(
    IReadOnlyList<DocumentResult> Results, long NextSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HqStatementDto? Statement = null);

/// <summary>What HQ did with one document of a sync batch: the same contract for every kind.</summary>
/// <param name="Kind">The document's kind, echoed.</param>
/// <param name="DocumentId">The document's id, echoed.</param>
/// <param name="TillSeq">The document's sequence number, echoed.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Number">The committed bill or credit note number (created, duplicate) or the one sent; null for a kind
/// without one.</param>
/// <param name="CommittedAt">When HQ first committed or rejected the document; null when nothing was recorded.</param>
/// <param name="Replayed">True when this answer repeats a result recorded by an earlier sync.</param>
/// <param name="Flags">Facts about a committed document, such as <c>stock_short</c> or <c>over_return</c>.</param>
/// <param name="Reason">Why a document was rejected, conflicted or not processed; see <see cref="SyncReasons"/>.</param>
/// <param name="ExpectedSeq">With <c>seq_gap</c>, <c>seq_reused</c> and <c>unsupported_kind</c>: the <c>tillSeq</c> HQ expects.</param>
/// <param name="Detail">A sentence for the person who reads the reason.</param>
public sealed record DocumentResult(
    string Kind,
    Guid DocumentId,
    long TillSeq,
    SyncStatus Status,
    string? Number,
    DateTimeOffset? CommittedAt,
    bool Replayed,
    IReadOnlyList<string> Flags,
    string? Reason,
    long? ExpectedSeq,
    string? Detail);
