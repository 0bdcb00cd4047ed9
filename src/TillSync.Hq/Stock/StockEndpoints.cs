using System.Data.Common;
using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Core;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Accounting;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Stock;

/// <summary>Stock for managers: goods receipts, count adjustments, on-hand per SKU and store, movement history.</summary>
public static class StockEndpoints
{
    /// <summary>The longest note or reason a stock change takes.</summary>
    internal const int ReasonLengthMax = 200;

    /// <summary>Maps the stock endpoints for managers.</summary>
    public static void MapStockEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/stock/receipts", ReceiveAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StockReceiptRequest>("application/json").Produces<StockReceiptView>(201).ProducesProblem(400);
        api.MapPost("/stock/adjustments", AdjustAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StockAdjustmentRequest>("application/json").Produces<StockAdjustmentView>(201).ProducesProblem(400);
        api.MapPost("/stock/transfers", StockTransfers.TransferAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StockTransferRequest>("application/json").Produces<StockTransferView>(201).ProducesProblem(400);
        api.MapGet("/stock", StockReports.ListAsync).RequireManager().Produces<StockListPage>().ProducesProblem(400);
        api.MapGet("/stock/{sku}", OnHandAsync).RequireManager().Produces<StockLevel>().ProducesProblem(404);
        api.MapGet("/stock/{sku}/movements", StockReports.MovementsAsync).RequireManager().Produces<StockMovementPage>().ProducesProblem(404);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (receipt, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.StockReceiptRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (receipt is null)
        {
            return problem!;
        }

        var invalid = FreeText.Problem(receipt.Note, "note", 0, ReasonLengthMax)
            ?? LinesProblem(receipt.Lines.Select(l => l is null ? null : new StockChange(l.Sku, l.Qty)).ToList(), signed: false);
        if (invalid is not null)
        {
            return Problems.BadRequest(invalid);
        }

        var change = new StockRecord(StockKinds.Receipt, receipt.StoreId, [.. receipt.Lines.Select(l => new StockChange(l.Sku, l.Qty))], receipt.Note);
        return await RecordAsync(http, database, time, change, async (connection, transaction, storeId, now) =>
        {
            var receiptId = await InsertHeaderAsync(connection, transaction, """
                INSERT INTO stock_receipts (store_id, note, created_by, created_at) VALUES (@store, @note, @by, @at) RETURNING receipt_id
                """, storeId, receipt.Note, http.Caller().Name, now, http.RequestAborted);
            return (receiptId, TypedResults.Created($"/api/v1/stock/receipts/{receiptId}", new StockReceiptView(receiptId, storeId, receipt.Lines)));
        });
    }

    private static async Task<IResult> AdjustAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (adjustment, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.StockAdjustmentRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (adjustment is null)
        {
            return problem!;
        }

        var invalid = string.IsNullOrWhiteSpace(adjustment.Reason) || adjustment.Reason.Length > ReasonLengthMax
            ? $"reason is required: say why the count changed, in 1 to {ReasonLengthMax} characters."
            : FreeText.Problem(adjustment.Reason, "reason", 1, ReasonLengthMax) ?? LinesProblem(adjustment.Lines.Select(l => l is null ? null : new StockChange(l.Sku, l.Qty)).ToList(), signed: true);
        if (invalid is not null)
        {
            return Problems.BadRequest(invalid);
        }

        var change = new StockRecord(
            StockKinds.Adjustment, adjustment.StoreId, [.. adjustment.Lines.Select(l => new StockChange(l.Sku, l.Qty))], adjustment.Reason.Trim());
        return await RecordAsync(http, database, time, change, async (connection, transaction, storeId, now) =>
        {
            var adjustmentId = await InsertHeaderAsync(connection, transaction, """
                INSERT INTO stock_adjustments (store_id, reason, created_by, created_at) VALUES (@store, @note, @by, @at) RETURNING adjustment_id
                """, storeId, change.Note, http.Caller().Name, now, http.RequestAborted);
            return (adjustmentId, TypedResults.Created($"/api/v1/stock/adjustments/{adjustmentId}",
                new StockAdjustmentView(adjustmentId, storeId, adjustment.Lines, change.Note!)));
        });
    }

    // A receipt or an adjustment: in one transaction (with its Idempotency-Key), the header row, one movement per line
    // (in SKU order, the order in which sync batches lock on-hand rows, so the two never deadlock) and the audit entry.
    private static Task<IResult> RecordAsync(
        HttpContext http, HqDatabase database, TimeProvider time, StockRecord change,
        Func<DbConnection, DbTransaction, long, DateTimeOffset, Task<(long Id, IResult Created)>> insertHeader) =>
        IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var storeId = await StoreReader.ResolveAsync(connection, transaction, change.StoreId, http.RequestAborted);
            if (storeId is null)
            {
                return Problems.BadRequest(change.StoreId is null
                    ? "No default store yet; configure it with PUT /api/v1/store first."
                    : $"storeId {change.StoreId} is not a store.");
            }

            var skus = change.Lines.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
            var known = await Catalog.CatalogCosts.LoadAsync(database.Engine, connection, transaction, skus, http.RequestAborted);
            var unknown = skus.FirstOrDefault(s => !known.ContainsKey(s));
            if (unknown is not null)
            {
                return Problems.BadRequest($"SKU '{unknown}' is not in the catalogue; add it with POST /api/v1/products first.");
            }

            var (id, created) = await insertHeader(connection, transaction, storeId.Value, now);
            await using (var ledger = new StockLedger(connection, transaction))
            {
                foreach (var line in change.Lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
                {
                    var isReceipt = change.Kind == StockKinds.Receipt;
                    await ledger.MoveAsync(new StockMovement(storeId.Value, line.Sku, Quantity.ToMilli(line.Qty), change.Kind, null,
                        isReceipt ? id : null, now, AdjustmentId: isReceipt ? null : id), http.RequestAborted);
                }
            }

            var journal = new JournalWriter(database.BulkParametersPerStatement);
            if (StockEntries.For(change.Kind, id, storeId.Value, now, change.Note, change.Lines.Select(l => (l.Sku, l.Qty)), known) is { } entry)
            {
                journal.Add(entry, now);
            }

            await journal.FlushAsync(connection, transaction, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, $"stock.{change.Kind}",
                string.Create(CultureInfo.InvariantCulture, $"{change.Kind} {id} in store {storeId}: {change.Lines.Count} lines; {change.Note}"),
                now, http.RequestAborted);
            return created;
        });

    internal static async Task<long> InsertHeaderAsync(
        DbConnection connection, DbTransaction transaction, string sql, long storeId, string? note, string by, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        Convert.ToInt64(await connection.Command(sql, transaction)
            .With("@store", storeId).With("@note", note).With("@by", by).With("@at", StoredTime.Text(at))
            .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

    // Receipt quantities are positive; adjustment quantities are signed and never zero. Both: 1 to StockReceiptLinesMax
    // lines of well-formed SKUs, at most LineQtyMax units with at most three decimals.
    internal static string? LinesProblem(List<StockChange?> lines, bool signed)
    {
        if (lines.Count is 0 or > Limits.StockReceiptLinesMax)
        {
            return $"lines must hold 1 to {Limits.StockReceiptLinesMax} lines; got {lines.Count}.";
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not { } line)
            {
                return "lines holds a null; send line objects.";
            }

            if (!OrderRules.IsWellFormedSku(line.Sku))
            {
                return $"lines[{i}].sku is not a well-formed SKU.";
            }

            var size = Math.Abs(line.Qty);
            if ((signed ? line.Qty == 0 : line.Qty <= 0) || size > Limits.LineQtyMax || decimal.Round(line.Qty, Limits.QtyFractionDigitsMax) != line.Qty)
            {
                return signed
                    ? $"lines[{i}].qty {line.Qty} must not be 0, at most {Limits.LineQtyMax} either way, with at most {Limits.QtyFractionDigitsMax} decimals."
                    : $"lines[{i}].qty {line.Qty} must be above 0, at most {Limits.LineQtyMax}, with at most {Limits.QtyFractionDigitsMax} decimals.";
            }
        }

        return null;
    }

    private static async Task<IResult> OnHandAsync(HttpContext http, HqDatabase database, string sku, long? storeId)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var (store, missing) = await StockReports.FindStoreAndSkuAsync(connection, storeId, sku, http.RequestAborted);
        if (missing is not null)
        {
            return missing;
        }

        var onHandMilli = await StockLedger.OnHandMilliAsync(connection, store, sku, http.RequestAborted);
        return TypedResults.Ok(new StockLevel(sku, store, Quantity.FromMilli(onHandMilli)));
    }

    internal sealed record StockChange(string Sku, decimal Qty);

    private sealed record StockRecord(string Kind, long? StoreId, IReadOnlyList<StockChange> Lines, string? Note);
}
