namespace TillSync.Contracts.Stock;

/// <summary>Goods received into a store (<c>POST /api/v1/stock/receipts</c>).</summary>
/// <param name="Lines">1 to <c>Limits.StockReceiptLinesMax</c> lines.</param>
/// <param name="StoreId">Receiving store; the default store when null.</param>
/// <param name="Note">Free text, e.g. the supplier's invoice number; at most 200 characters.</param>
public sealed record StockReceiptRequest(IReadOnlyList<StockReceiptLine> Lines, long? StoreId = null, string? Note = null);

/// <summary>One received SKU.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="Qty">Quantity received, positive, at most 3 fraction digits.</param>
public sealed record StockReceiptLine(string Sku, decimal Qty);

/// <summary>A recorded receipt.</summary>
/// <param name="ReceiptId">HQ's id for the receipt.</param>
/// <param name="StoreId">The receiving store.</param>
/// <param name="Lines">The SKUs received.</param>
public sealed record StockReceiptView(long ReceiptId, long StoreId, IReadOnlyList<StockReceiptLine> Lines);

/// <summary>On-hand of one SKU in one store (<c>GET /api/v1/stock/{sku}</c>): the sum of its movements.</summary>
/// <param name="Sku">Catalogue SKU.</param>
/// <param name="StoreId">The store.</param>
/// <param name="OnHand">Units on hand; negative after an oversell that awaits review.</param>
public sealed record StockLevel(string Sku, long StoreId, decimal OnHand);
