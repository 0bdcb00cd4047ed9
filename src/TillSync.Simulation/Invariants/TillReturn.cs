using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;

namespace TillSync.Simulation.Invariants;

/// <summary>A return as the till recorded it.</summary>
/// <param name="TillSeq">Its number in the till's one sequence.</param>
/// <param name="DocumentId">Its id.</param>
/// <param name="CreditNoteNo">Its credit note number.</param>
/// <param name="DocumentJson">The exact return document the till sends.</param>
/// <param name="SyncState">Where the till believes it stands (<c>synced</c>, <c>pending</c>, …).</param>
public sealed record TillReturn(long TillSeq, Guid DocumentId, string CreditNoteNo, string DocumentJson, string SyncState)
{
    /// <summary>The return.</summary>
    public ReturnDto Return => JsonSerializer.Deserialize(DocumentJson, TillSyncJsonContext.Default.TillDocumentDto)!.Return!;
}
