using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Stock;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;

namespace TillSync.Hq.Stock;

/// <summary><c>POST /api/v1/stock/transfers</c>: stock sent from one store to another, recorded as a pair of count
/// adjustments in one transaction — out of the sending store, into the receiving one — each with a reason naming the
/// other store (ADR 0018). It posts no journal entry: the inventory account is the chain's, and goods moved between its
/// stores change neither its quantity nor its value, as a review's transfer from another store does not.</summary>
public static class StockTransfers
{
    /// <summary>Handles the transfer.</summary>
    public static async Task<IResult> TransferAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (transfer, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.StockTransferRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (transfer is null)
        {
            return problem!;
        }

        var lines = (transfer.Lines ?? []).Select(l => l is null ? null : new StockEndpoints.StockChange(l.Sku, l.Qty)).ToList();
        var invalid = transfer.FromStoreId == transfer.ToStoreId
            ? "fromStoreId and toStoreId must be two different stores."
            : FreeText.Problem(transfer.Note, "note", 0, StockEndpoints.ReasonLengthMax) ?? StockEndpoints.LinesProblem(lines, signed: false);
        if (invalid is not null)
        {
            return Problems.BadRequest(invalid);
        }

        var note = string.IsNullOrWhiteSpace(transfer.Note) ? "" : $": {transfer.Note.Trim()}";
        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            foreach (var store in new[] { transfer.FromStoreId, transfer.ToStoreId })
            {
                if (await StoreReader.ResolveAsync(connection, transaction, store, http.RequestAborted) is null)
                {
                    return Problems.BadRequest(string.Create(CultureInfo.InvariantCulture, $"store {store} is not a store."));
                }
            }

            var skus = lines.Select(l => l!.Sku).ToHashSet(StringComparer.Ordinal);
            var known = await Catalog.CatalogCosts.LoadAsync(database.Engine, connection, transaction, skus, http.RequestAborted);
            if (skus.FirstOrDefault(s => !known.ContainsKey(s)) is { } unknown)
            {
                return Problems.BadRequest($"SKU '{unknown}' is not in the catalogue; add it with POST /api/v1/products first.");
            }

            const string Insert = """
                INSERT INTO stock_adjustments (store_id, reason, created_by, created_at) VALUES (@store, @note, @by, @at) RETURNING adjustment_id
                """;
            var by = http.Caller().Name;
            var outId = await StockEndpoints.InsertHeaderAsync(connection, transaction, Insert, transfer.FromStoreId,
                string.Create(CultureInfo.InvariantCulture, $"transfer to store {transfer.ToStoreId}{note}"), by, now, http.RequestAborted);
            var inId = await StockEndpoints.InsertHeaderAsync(connection, transaction, Insert, transfer.ToStoreId,
                string.Create(CultureInfo.InvariantCulture, $"transfer from store {transfer.FromStoreId}{note}"), by, now, http.RequestAborted);

            // Store by store, each in SKU order: the order sync batches lock on-hand rows in, so the two never deadlock.
            await using (var ledger = new StockLedger(connection, transaction))
            {
                foreach (var (store, sign, id) in new[] { (transfer.FromStoreId, -1, outId), (transfer.ToStoreId, 1, inId) }.OrderBy(s => s.Item1))
                {
                    foreach (var line in lines.OrderBy(l => l!.Sku, StringComparer.Ordinal))
                    {
                        await ledger.MoveAsync(new StockMovement(store, line!.Sku, checked(sign * Quantity.ToMilli(line.Qty)), StockKinds.Adjustment, null,
                            null, now, AdjustmentId: id), http.RequestAborted);
                    }
                }
            }

            await AuditLog.RecordAsync(connection, transaction, by, "stock.transfer",
                string.Create(CultureInfo.InvariantCulture,
                    $"transfer from store {transfer.FromStoreId} (adjustment {outId}) to store {transfer.ToStoreId} (adjustment {inId}): {lines.Count} lines{note}"),
                now, http.RequestAborted);
            return TypedResults.Created($"/api/v1/stock/adjustments/{outId}",
                new StockTransferView(outId, inId, transfer.FromStoreId, transfer.ToStoreId, transfer.Lines!));
        });
    }
}
