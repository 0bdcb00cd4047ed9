namespace TillSync.Contracts.Reviews;

/// <summary>A manager's decision on a review item (<c>POST /api/v1/reviews/{id}/resolution</c>).</summary>
/// <param name="Action">One of <see cref="ResolutionActions"/>; which are allowed depends on the item's kind.</param>
/// <param name="Note">Why (required, 1 to 500 characters); kept in the audit log.</param>
/// <param name="ResolutionId">A UUID the client makes once per decision: resending it with the same body answers the
/// same result and changes nothing.</param>
/// <param name="Qty">For <c>stock_short</c> actions: units, above 0 and at most the short quantity; required (the short
/// quantity itself for all of it). Not allowed with <c>acknowledge</c> nor on an item without a short quantity.</param>
/// <param name="FromStoreId">For <c>transfer_in</c>: the store the units come from, whose stock goes down by as many;
/// null when they come from outside HQ's stores.</param>
public sealed record ReviewResolutionRequest(string Action, string Note, Guid ResolutionId, decimal? Qty = null, long? FromStoreId = null);

/// <summary>A recorded resolution: the same answer for the first request and every identical resend.</summary>
/// <param name="ResolutionId">The client's idempotency key.</param>
/// <param name="ReviewId">The item it resolved.</param>
/// <param name="Action">What was decided.</param>
/// <param name="Qty">The units the action covers; null for <c>acknowledge</c>.</param>
/// <param name="FromStoreId">For <c>transfer_in</c> from another store: that store.</param>
/// <param name="Note">The manager's note.</param>
/// <param name="ResolvedBy">The manager.</param>
/// <param name="ResolvedAt">When.</param>
/// <param name="Movements">The stock movements the resolution wrote (kind <c>resolution</c>); empty when stock did not change.</param>
public sealed record ReviewResolutionView(
    Guid ResolutionId, long ReviewId, string Action, decimal? Qty, long? FromStoreId, string Note, string ResolvedBy, DateTimeOffset ResolvedAt,
    IReadOnlyList<ResolutionMovement> Movements);

/// <summary>One stock movement a resolution wrote.</summary>
/// <param name="StoreId">The store whose stock moved.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Qty">Signed units.</param>
public sealed record ResolutionMovement(long StoreId, string Sku, decimal Qty);
