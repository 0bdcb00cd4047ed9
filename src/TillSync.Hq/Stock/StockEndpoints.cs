using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Stock;

/// <summary>Stock for managers: goods receipts and on-hand per SKU and store.</summary>
public static class StockEndpoints
{
    /// <summary>Maps the stock endpoints for managers.</summary>
    public static void MapStockEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/stock/receipts", ReceiveAsync).RequireManager()
            .Accepts<StockReceiptRequest>("application/json").Produces<StockReceiptView>(201).ProducesProblem(400);
        api.MapGet("/stock/{sku}", OnHandAsync).RequireManager().Produces<StockLevel>().ProducesProblem(404);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (receipt, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.StockReceiptRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (receipt is null)
        {
            return problem!;
        }

        var invalid = ReceiptProblem(receipt);
        if (invalid is not null)
        {
            return Problems.BadRequest(invalid);
        }

        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        var storeId = await StoreReader.ResolveAsync(connection, transaction, receipt.StoreId, http.RequestAborted);
        if (storeId is null)
        {
            return Problems.BadRequest(receipt.StoreId is null
                ? "No default store yet; configure it with PUT /api/v1/store first."
                : $"storeId {receipt.StoreId} is not a store.");
        }

        var skus = receipt.Lines.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
        var known = await Sync.CatalogCosts.LoadAsync(connection, transaction, skus, http.RequestAborted);
        var unknown = skus.FirstOrDefault(s => !known.ContainsKey(s));
        if (unknown is not null)
        {
            return Problems.BadRequest($"SKU '{unknown}' is not in the catalogue; add it with POST /api/v1/products first.");
        }

        var receiptId = Convert.ToInt64(await connection.Command("""
            INSERT INTO stock_receipts (store_id, note, created_by, created_at) VALUES (@store, @note, @by, @at) RETURNING receipt_id
            """, transaction)
            .With("@store", storeId).With("@note", receipt.Note).With("@by", http.Caller().Name).With("@at", StoredTime.Text(now))
            .ScalarAsync(http.RequestAborted), CultureInfo.InvariantCulture);
        await using (var ledger = new StockLedger(connection, transaction))
        {
            foreach (var line in receipt.Lines)
            {
                await ledger.MoveAsync(new StockMovement(storeId.Value, line.Sku, Quantity.ToMilli(line.Qty), StockKinds.Receipt, null, receiptId, now),
                    http.RequestAborted);
            }
        }

        var journal = new JournalWriter(database.BulkParametersPerStatement);
        var costPaise = receipt.Lines.Sum(l => Quantity.CostPaise(l.Qty, known[l.Sku]));
        if (costPaise != 0)
        {
            var postings = new PostingSet().Transfer(Accounts.Inventory, Accounts.SupplierPayables, costPaise).ToPostings();
            journal.Add(new JournalEntry($"receipt:{receiptId}", storeId.Value, JournalKinds.Receipt, JournalEntry.BusinessDate(now),
                $"Goods received, receipt {receiptId}" + (receipt.Note is null ? "" : $": {receipt.Note}"), postings), now);
        }

        await journal.FlushAsync(connection, transaction, http.RequestAborted);
        await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "stock.receipt",
            string.Create(CultureInfo.InvariantCulture, $"receipt {receiptId} into store {storeId}: {receipt.Lines.Count} lines; {receipt.Note}"),
            now, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.Created($"/api/v1/stock/receipts/{receiptId}", new StockReceiptView(receiptId, storeId.Value, receipt.Lines));
    }

    private static string? ReceiptProblem(StockReceiptRequest receipt)
    {
        if (receipt.Lines.Count is 0 or > Limits.StockReceiptLinesMax)
        {
            return $"A receipt has 1 to {Limits.StockReceiptLinesMax} lines; got {receipt.Lines.Count}.";
        }

        if (receipt.Lines.Any(l => l is null))
        {
            return "lines holds a null; send line objects.";
        }

        if (receipt.Note is { Length: > 200 })
        {
            return "note must be at most 200 characters.";
        }

        for (var i = 0; i < receipt.Lines.Count; i++)
        {
            var line = receipt.Lines[i];
            if (!OrderRules.IsWellFormedSku(line.Sku))
            {
                return $"lines[{i}].sku is not a well-formed SKU.";
            }

            if (line.Qty <= 0 || line.Qty > Limits.LineQtyMax || decimal.Round(line.Qty, Limits.QtyFractionDigitsMax) != line.Qty)
            {
                return $"lines[{i}].qty {line.Qty} must be above 0, at most {Limits.LineQtyMax}, with at most {Limits.QtyFractionDigitsMax} decimals.";
            }
        }

        return null;
    }

    private static async Task<IResult> OnHandAsync(HttpContext http, HqDatabase database, string sku, long? storeId)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var store = await StoreReader.ResolveAsync(connection, null, storeId, http.RequestAborted);
        if (store is null)
        {
            return Problems.NotFound(storeId is null ? "No default store yet; configure it with PUT /api/v1/store." : $"storeId {storeId} is not a store.");
        }

        var exists = await connection.Command("SELECT 1 FROM products WHERE sku = @sku").With("@sku", sku).ScalarAsync(http.RequestAborted);
        if (exists is null)
        {
            return Problems.NotFound($"SKU '{(sku.Length > 40 ? sku[..40] : sku)}' is not in the catalogue.");
        }

        var onHandMilli = await StockLedger.OnHandMilliAsync(connection, store.Value, sku, http.RequestAborted);
        return TypedResults.Ok(new StockLevel(sku, store.Value, Quantity.FromMilli(onHandMilli)));
    }
}
