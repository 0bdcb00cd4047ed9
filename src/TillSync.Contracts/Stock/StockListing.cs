namespace TillSync.Contracts.Stock;

/// <summary>On-hand of catalogue SKUs in one store (<c>GET /api/v1/stock?storeId=&amp;q=&amp;negativeOnly=&amp;after=&amp;limit=</c>),
/// in SKU order.</summary>
/// <param name="StoreId">The store.</param>
/// <param name="Items">Up to <c>limit</c> SKUs after <c>after</c>.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record StockListPage(long StoreId, IReadOnlyList<StockListItem> Items, string? NextAfter);

/// <summary>One SKU's on-hand.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Name">Product name.</param>
/// <param name="Unit">UQC unit code.</param>
/// <param name="OnHand">Units on hand (Σ movements); negative after an oversell.</param>
/// <param name="OpenReviews">Open <c>stock_short</c> review items of this SKU in this store.</param>
public sealed record StockListItem(string Sku, string Name, string Unit, decimal OnHand, int OpenReviews);

/// <summary>The movements of one SKU in one store, oldest first (<c>GET /api/v1/stock/{sku}/movements?storeId=&amp;after=&amp;limit=</c>).</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="StoreId">The store.</param>
/// <param name="OnHand">On-hand now: the sum of all its movements.</param>
/// <param name="Movements">Up to <c>limit</c> movements with <c>movementId</c> above <c>after</c>.</param>
/// <param name="NextAfter">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record StockMovementPage(string Sku, long StoreId, decimal OnHand, IReadOnlyList<StockMovementView> Movements, long? NextAfter);

/// <summary>One signed change of stock.</summary>
/// <param name="MovementId">HQ's id, increasing in the order the store's stock of the SKU changed.</param>
/// <param name="Kind"><c>sale</c>, <c>receipt</c>, <c>adjustment</c> or <c>resolution</c>.</param>
/// <param name="Qty">Signed units: negative out, positive in.</param>
/// <param name="OnHandAfter">On-hand right after this movement.</param>
/// <param name="ClientOrderId">The sale, for a sale.</param>
/// <param name="BillNo">The sale's bill number, for a sale.</param>
/// <param name="ReceiptId">The receipt, for a receipt.</param>
/// <param name="AdjustmentId">The adjustment, for an adjustment.</param>
/// <param name="ResolutionId">The review resolution, for a resolution.</param>
/// <param name="At">When HQ recorded it.</param>
/// <param name="Note">Why: an adjustment's reason (a transfer's names the other store), a receipt's note; null for a sale
/// or a resolution (its bill or review says why).</param>
/// <param name="By">Who recorded an adjustment or a receipt.</param>
public sealed record StockMovementView(
    long MovementId, string Kind, decimal Qty, decimal OnHandAfter, Guid? ClientOrderId, string? BillNo, long? ReceiptId, long? AdjustmentId,
    Guid? ResolutionId, DateTimeOffset At,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Note = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? By = null);
