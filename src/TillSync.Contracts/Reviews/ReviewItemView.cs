namespace TillSync.Contracts.Reviews;

/// <summary>A review item: a sale a manager must decide about (<c>GET /api/v1/reviews</c>).</summary>
/// <param name="ReviewId">HQ's id; higher is newer.</param>
/// <param name="Kind"><c>stock_short</c>, <c>rejected_order</c> or <c>sync_conflict</c> (see <see cref="ReviewKinds"/>).</param>
/// <param name="Status"><c>open</c> or <c>resolved</c>.</param>
/// <param name="StoreId">The store.</param>
/// <param name="TillId">The till that made (or sent) the sale.</param>
/// <param name="TillName">That till's name.</param>
/// <param name="ClientOrderId">The sale.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="Sku">For <c>stock_short</c>: the SKU.</param>
/// <param name="ShortQty">For <c>stock_short</c>: units sold beyond on-hand.</param>
/// <param name="Reason">For a rejection or conflict: the reason code (e.g. <c>unknown_sku</c>, <c>seq_reused</c>).</param>
/// <param name="Detail">A sentence for the manager.</param>
/// <param name="Guidance">What the manager can do about it.</param>
/// <param name="AllowedActions">The resolution actions this kind admits.</param>
/// <param name="CreatedAt">When HQ opened it.</param>
/// <param name="ResolvedAt">When it was resolved; null while open.</param>
public sealed record ReviewItemView(
    long ReviewId, string Kind, string Status, long StoreId, long TillId, string TillName, Guid ClientOrderId, string? BillNo, string? Sku,
    decimal? ShortQty, string? Reason, string Detail, string Guidance, IReadOnlyList<string> AllowedActions, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt);

/// <summary>A page of review items (<c>GET /api/v1/reviews?status=&amp;kind=&amp;sku=&amp;tillId=&amp;olderThanHours=&amp;order=&amp;after=&amp;limit=</c>).</summary>
/// <param name="Items">Up to <c>limit</c> items, newest first (or oldest first with <c>order=oldest</c>).</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page in the same order; null on the last page.</param>
public sealed record ReviewPage(IReadOnlyList<ReviewItemView> Items, long? NextAfter);

/// <summary>One review item with everything a manager needs to decide (<c>GET /api/v1/reviews/{id}</c>).</summary>
/// <param name="Item">The item.</param>
/// <param name="CompetingSales">For <c>stock_short</c>: the other committed sales that consumed the stock (docs/reviews.md).</param>
/// <param name="Order">The order as HQ recorded it; null when HQ never recorded it (a <c>seq_reused</c> conflict).</param>
/// <param name="Resolution">The resolution, once resolved.</param>
/// <param name="History">What happened to the item, oldest first: opened, resolved.</param>
public sealed record ReviewDetail(
    ReviewItemView Item, IReadOnlyList<CompetingSaleView> CompetingSales, Orders.OrderView? Order, ReviewResolutionView? Resolution,
    IReadOnlyList<ReviewEvent> History);

/// <summary>A sale that consumed stock a short sale needed.</summary>
/// <param name="ClientOrderId">The competing sale.</param>
/// <param name="BillNo">Its bill number.</param>
/// <param name="TillId">Its till.</param>
/// <param name="TillName">That till's name.</param>
/// <param name="Qty">Units of the SKU it took.</param>
/// <param name="CommittedAt">When HQ committed it.</param>
public sealed record CompetingSaleView(Guid ClientOrderId, string BillNo, long TillId, string TillName, decimal Qty, DateTimeOffset CommittedAt);

/// <summary>One step in a review item's life.</summary>
/// <param name="At">When.</param>
/// <param name="What"><c>opened</c> or <c>resolved</c>.</param>
/// <param name="By">Who: <c>hq</c> for an item HQ opened, the manager's name for a resolution.</param>
/// <param name="Detail">A sentence.</param>
public sealed record ReviewEvent(DateTimeOffset At, string What, string By, string Detail);
