namespace TillSync.Contracts.Stock;

/// <summary>A manager's count correction (<c>POST /api/v1/stock/adjustments</c>): signed quantities, one reason.</summary>
/// <param name="Lines">1 to <c>Limits.StockReceiptLinesMax</c> lines, one per SKU.</param>
/// <param name="Reason">Why the count changed (required, 1 to 200 characters), e.g. "damaged in transit".</param>
/// <param name="StoreId">The store whose stock changes; the default store when null.</param>
public sealed record StockAdjustmentRequest(IReadOnlyList<StockAdjustmentLine> Lines, string Reason, long? StoreId = null);

/// <summary>One adjusted SKU.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Signed change: positive adds stock, negative removes it; not zero; at most 3 fraction digits.</param>
public sealed record StockAdjustmentLine(string Sku, decimal Qty);

/// <summary>A recorded adjustment.</summary>
/// <param name="AdjustmentId">HQ's id for it.</param>
/// <param name="StoreId">The store.</param>
/// <param name="Lines">The SKUs adjusted.</param>
/// <param name="Reason">Why.</param>
public sealed record StockAdjustmentView(long AdjustmentId, long StoreId, IReadOnlyList<StockAdjustmentLine> Lines, string Reason);
