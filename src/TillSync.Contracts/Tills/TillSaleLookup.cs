using TillSync.Contracts.Sync;

namespace TillSync.Contracts.Tills;

/// <summary>A sale of the calling till's store found by its bill number (<c>GET /api/v1/till/sales?billNo=</c>), for a
/// return at another till than the one that sold it while HQ is reachable.</summary>
/// <param name="TillId">HQ's id of the till that sold it.</param>
/// <param name="BillPrefix">That till's bill prefix.</param>
/// <param name="Sale">The sale as HQ committed it: the order exactly as its till sent it.</param>
/// <param name="Lines">Each line with the quantity already returned at HQ, from every till, and what may still come
/// back; a till that knows of returns HQ has not seen yet takes the larger of the two. Null from an HQ before returns.</param>
public sealed record TillSaleLookup(
    long TillId, string BillPrefix, OrderDto Sale,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<Returns.ReturnableLine>? Lines = null);
