using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;

namespace TillSync.Simulation.Invariants;

/// <summary>A shift's open, cash movement or close as the till recorded it.</summary>
/// <param name="TillSeq">Its number in the till's one sequence.</param>
/// <param name="DocumentId">Its id (an open's id is the shift's).</param>
/// <param name="Kind"><c>shift_open</c>, <c>cash_movement</c> or <c>shift_close</c>.</param>
/// <param name="DocumentJson">The exact document the till sends.</param>
/// <param name="SyncState">Where the till believes it stands (<c>synced</c>, <c>pending</c>, …).</param>
public sealed record TillShiftDocument(long TillSeq, Guid DocumentId, string Kind, string DocumentJson, string SyncState)
{
    /// <summary>The document.</summary>
    public TillDocumentDto Document => JsonSerializer.Deserialize(DocumentJson, TillSyncJsonContext.Default.TillDocumentDto)!;
}
