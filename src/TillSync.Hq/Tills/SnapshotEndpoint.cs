using TillSync.Contracts.Tills;
using TillSync.Hq.Access;
using TillSync.Hq.Chain;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Pricing;
using TillSync.Hq.Staff;
using TillSync.Hq.Stock;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Storage;

namespace TillSync.Hq.Tills;

/// <summary><c>GET /api/v1/till/snapshot</c>: everything the calling till needs to sell offline, read in one consistent
/// view of the database.</summary>
public static class SnapshotEndpoint
{
    /// <summary>Maps the snapshot for tills.</summary>
    public static void MapSnapshotEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/till/snapshot", TakeAsync).RequireTill().Produces<TillSnapshot>();

    private static async Task<IResult> TakeAsync(HttpContext http, HqDatabase database, HqStatementKey statementKey, TimeProvider time)
    {
        var caller = http.Caller();
        await using var connection = await database.OpenAsync(http.RequestAborted);
        // A read transaction gives one consistent view of till, store, catalogue and stock (SQLite WAL snapshot).
        await using var transaction = await database.BeginReadAsync(connection, http.RequestAborted);
        var till = await connection.Command("SELECT name, bill_prefix, next_seq FROM tills WHERE till_id = @id", transaction)
            .With("@id", caller.Id)
            .FirstOrDefaultAsync(r => (Name: r.GetString(0), BillPrefix: r.GetString(1), NextSeq: r.GetInt64(2)), http.RequestAborted);
        var store = await connection.Command($"SELECT {StoreReader.Columns} FROM stores WHERE store_id = @id", transaction)
            .With("@id", caller.StoreId).FirstOrDefaultAsync(StoreReader.Read, http.RequestAborted);
        var products = await connection.Command("""
            SELECT p.sku, p.name, p.hsn, p.unit, p.gst_rate_bp, p.price_paise, p.barcode, COALESCE(s.qty_milli, 0), p.mrp_paise, p.tax_inclusive
            FROM products p LEFT JOIN stock_on_hand s ON s.sku = p.sku AND s.store_id = @store
            ORDER BY p.sku
            """, transaction)
            .With("@store", caller.StoreId)
            .ListAsync(r => new SnapshotProduct(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.GetInt64(5), r.NullableString(6), Quantity.FromMilli(r.GetInt64(7)), r.NullableInt64(8), r.GetInt64(9) != 0),
                http.RequestAborted);
        var loyalty = await LoyaltySnapshot.ReadAsync(connection, transaction, time.GetUtcNow(), http.RequestAborted);
        var keys = await TillKeys.OfStoreAsync(connection, transaction, caller.StoreId, http.RequestAborted);
        var staff = await StaffRows.OfStoreAsync(connection, transaction, caller.StoreId, http.RequestAborted);
        // Read in the same view as the catalogue and the settings, so that the version names exactly what the till gets.
        var pricingVersion = await PricingVersions.ReadAsync(connection, transaction, http.RequestAborted);
        var roleLimits = await RoleLimits.CurrentAsync(connection, transaction, http.RequestAborted);
        // The newest movement in the same view as the on-hand figures: a sale from this snapshot that oversells names
        // every sale of the SKU after it as competing (docs/reviews.md).
        var stockVersion = await connection.Command("SELECT COALESCE(MAX(movement_id), 0) FROM stock_movements", transaction)
            .FirstOrDefaultAsync(r => r.GetInt64(0), http.RequestAborted);
        // In the same view as nextSeq: a till whose counter this snapshot raises links its next document to this entry.
        var statement = await statementKey.CurrentAsync(connection, transaction, caller.Id, till.NextSeq, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(new TillSnapshot(caller.Id, till.Name, till.BillPrefix, till.NextSeq, store!, products, time.GetUtcNow(), loyalty, keys, staff,
            pricingVersion, roleLimits, stockVersion, statementKey.PublicKey, statement));
    }
}
