using System.Text.Json.Serialization;

namespace TillSync.Contracts.Documents;

/// <summary>Body of <c>POST /api/v2/sync/relay</c> (ADR 0020): the documents of other tills of the relaying till's store
/// that cannot reach HQ themselves, grouped by origin till. The relaying till's token authenticates the request; each
/// document is taken on its origin till's chain signature alone.</summary>
/// <param name="Groups">1 to <c>Limits.RelayGroupsMax</c> (32) groups, each of another till of the relaying till's store,
/// each till at most once; at most <c>Limits.SyncOrdersMax</c> (500) documents in all groups together.</param>
public sealed record RelaySyncRequest(IReadOnlyList<RelayGroupDto> Groups);

/// <summary>One origin till's documents in a relay request: shaped as that till's own <c>POST /api/v2/sync</c> body, with
/// the till named. Each document travels as the exact bytes its till stored and signed, and every one carries its chain
/// entry: HQ refuses an unchained relayed document, or a <c>damaged</c> placeholder, with 400.</summary>
/// <param name="TillId">The origin till, which made and signed the documents.</param>
/// <param name="Documents">0 or more of the origin's documents, strictly increasing <c>tillSeq</c>, as in
/// <see cref="DocumentSyncRequest.Documents"/>; an empty group asks only for HQ's statement of the till.</param>
/// <param name="Chain">One chain entry per document, naming it by <c>tillSeq</c> (ADR 0016).</param>
public sealed record RelayGroupDto(
    long TillId,
    IReadOnlyList<TillDocumentDto> Documents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DocumentChainDto>? Chain = null);

/// <summary>Reply to <c>POST /api/v2/sync/relay</c>: one answer per group, in request order, each sent after that group's
/// transaction committed.</summary>
/// <param name="Groups">Same length and order as the request's groups.</param>
public sealed record RelaySyncResponse(IReadOnlyList<RelayGroupResult> Groups);

/// <summary>What HQ did with one origin till's documents, to be handed back to that till through its peers: the same
/// results its own sync would have had, and HQ's signed statement, which the origin checks with HQ's key and so can trust
/// whichever peer carried it.</summary>
/// <param name="TillId">The origin till, echoed.</param>
/// <param name="Results">One result per document of the group, in its order (<see cref="DocumentResult"/>, the contract
/// of <c>POST /api/v2/sync</c>); a revoked origin's documents are all <c>not_processed</c> (<c>till_revoked</c>).</param>
/// <param name="NextSeq">The <c>tillSeq</c> HQ expects next from the origin; null when its group was not processed (revoked).</param>
/// <param name="Statement">HQ's signed statement of the highest entry it holds of the origin (ADR 0016); null when its
/// group was not processed.</param>
/// <param name="Outcomes">HQ's signed rejections, one per document of the group it rejected; absent when none. The
/// statement says HQ holds a document, not how it took it: these let the origin learn a rejection through its peers.</param>
public sealed record RelayGroupResult(
    long TillId,
    IReadOnlyList<DocumentResult> Results,
    long? NextSeq,
    HqStatementDto? Statement,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<HqOutcomeDto>? Outcomes = null);
