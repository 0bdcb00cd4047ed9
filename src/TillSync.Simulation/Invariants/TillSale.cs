using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;

namespace TillSync.Simulation.Invariants;

/// <summary>A sale as the till recorded it.</summary>
/// <param name="TillSeq">Its number.</param>
/// <param name="ClientOrderId">Its id.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="DocumentJson">The exact sale document the till sends.</param>
/// <param name="SyncState">Where the till believes it stands (<c>synced</c>, <c>pending</c>, …).</param>
public sealed record TillSale(long TillSeq, Guid ClientOrderId, string BillNo, string DocumentJson, string SyncState)
{
    /// <summary>The order.</summary>
    public OrderDto Order => JsonSerializer.Deserialize(DocumentJson, TillSyncJsonContext.Default.TillDocumentDto)!.Sale!;
}
