namespace TillSync.Contracts.Stock;

/// <summary>Stock moved from one store to another (<c>POST /api/v1/stock/transfers</c>): on-hand falls in the sending
/// store and rises in the receiving one by the same quantities, in one transaction.</summary>
/// <param name="FromStoreId">The sending store.</param>
/// <param name="ToStoreId">The receiving store; not the sending one.</param>
/// <param name="Lines">1 to <c>Limits.StockReceiptLinesMax</c> lines, quantities positive, at most 3 fraction digits.</param>
/// <param name="Note">Free text, e.g. the delivery challan's number; at most 200 characters.</param>
public sealed record StockTransferRequest(long FromStoreId, long ToStoreId, IReadOnlyList<StockReceiptLine> Lines, string? Note = null);

/// <summary>A recorded transfer: a count adjustment out of the sending store and one into the receiving store.</summary>
/// <param name="OutAdjustmentId">The sending store's adjustment (negative quantities).</param>
/// <param name="InAdjustmentId">The receiving store's adjustment (positive quantities).</param>
/// <param name="FromStoreId">The sending store.</param>
/// <param name="ToStoreId">The receiving store.</param>
/// <param name="Lines">The SKUs moved.</param>
public sealed record StockTransferView(long OutAdjustmentId, long InAdjustmentId, long FromStoreId, long ToStoreId, IReadOnlyList<StockReceiptLine> Lines);
