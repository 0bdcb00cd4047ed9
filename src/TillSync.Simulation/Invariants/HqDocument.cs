namespace TillSync.Simulation.Invariants;

/// <summary>A row of HQ's ledger of every till document (<c>till_documents</c>).</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="Kind"><c>sale</c>, <c>return</c>, …</param>
/// <param name="TillId">The till that made it.</param>
/// <param name="TillSeq">Its number in that till's sequence.</param>
/// <param name="Status"><c>committed</c> or <c>rejected</c>.</param>
public sealed record HqDocument(Guid DocumentId, string Kind, long TillId, long TillSeq, string Status);
