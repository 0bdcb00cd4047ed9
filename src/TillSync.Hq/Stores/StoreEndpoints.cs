using System.Data.Common;
using TillSync.Contracts;
using TillSync.Contracts.Stores;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Stores;

/// <summary>The default store (<c>PUT /api/v1/store</c>) and the chain's other stores (<c>/api/v1/stores</c>).</summary>
public static class StoreEndpoints
{
    /// <summary>Maps the store endpoints for managers.</summary>
    public static void MapStoreEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPut("/store", ConfigureDefaultAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StoreDto>("application/json").Produces<StoreView>().ProducesProblem(400);
        api.MapPost("/stores", AddAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StoreDto>("application/json").Produces<StoreView>(201).ProducesProblem(400);
        api.MapGet("/stores", ListAsync).RequireManager().Produces<IReadOnlyList<StoreView>>();
    }

    private static async Task<IResult> ConfigureDefaultAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (store, problem) = await ReadStoreAsync(http);
        if (store is null)
        {
            return problem!;
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            await database.LockTableAsync(connection, transaction, "stores", http.RequestAborted);
            var storeId = await connection.Command("SELECT store_id FROM stores WHERE is_default = 1", transaction).ScalarAsync(http.RequestAborted);
            if (storeId is null)
            {
                storeId = await InsertAsync(connection, transaction, store, isDefault: true, now, http.RequestAborted);
            }
            else
            {
                await connection.Command("""
                    UPDATE stores SET gstin = @gstin, legal_name = @legal, trade_name = @trade, address1 = @a1, address2 = @a2,
                        location = @loc, pin = @pin, state_code = @state, updated_at = @at
                    WHERE is_default = 1
                    """, transaction)
                    .WithStore(store).With("@at", StoredTime.Text(now)).ExecuteAsync(http.RequestAborted);
            }

            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "store.configure",
                $"default store {storeId}: GSTIN {store.Gstin}, {store.LegalName}", now, http.RequestAborted);
            return TypedResults.Ok(new StoreView(Convert.ToInt64(storeId, System.Globalization.CultureInfo.InvariantCulture), true, store));
        });
    }

    private static async Task<IResult> AddAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (store, problem) = await ReadStoreAsync(http);
        if (store is null)
        {
            return problem!;
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            await database.LockTableAsync(connection, transaction, "stores", http.RequestAborted);
            var hasDefault = await connection.Command("SELECT 1 FROM stores WHERE is_default = 1", transaction).ScalarAsync(http.RequestAborted) is not null;
            var storeId = await InsertAsync(connection, transaction, store, isDefault: !hasDefault, now, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "store.add",
                $"store {storeId}: GSTIN {store.Gstin}, {store.LegalName}", now, http.RequestAborted);
            return TypedResults.Created($"/api/v1/stores/{storeId}", new StoreView(storeId, !hasDefault, store));
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var stores = await connection.Command($"SELECT {StoreReader.Columns} FROM stores ORDER BY store_id")
            .ListAsync(StoreReader.Read, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<StoreView>>(stores);
    }

    private static async Task<(StoreDto? Store, IResult? Problem)> ReadStoreAsync(HttpContext http)
    {
        var gstins = http.RequestServices.GetRequiredService<GstinPolicy>();
        var (store, problem) = await JsonBody.ReadAsync(http.Request, TillSyncJsonContext.Default.StoreDto, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (store is null)
        {
            return (null, problem);
        }

        var invalid = StoreRules.Problem(store, gstins);
        return invalid is null ? (store, null) : (null, Problems.BadRequest(invalid));
    }

    private static async Task<long> InsertAsync(
        DbConnection connection, DbTransaction transaction, StoreDto store, bool isDefault, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = await connection.Command("""
            INSERT INTO stores (is_default, gstin, legal_name, trade_name, address1, address2, location, pin, state_code, created_at, updated_at)
            VALUES (@default, @gstin, @legal, @trade, @a1, @a2, @loc, @pin, @state, @at, @at)
            RETURNING store_id
            """, transaction)
            .WithStore(store).With("@default", isDefault ? 1 : 0).With("@at", StoredTime.Text(now))
            .ScalarAsync(cancellationToken);
        return Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand WithStore(this DbCommand command, StoreDto store) =>
        command.With("@gstin", store.Gstin).With("@legal", store.LegalName).With("@trade", store.TradeName)
            .With("@a1", store.Address1).With("@a2", store.Address2).With("@loc", store.Location).With("@pin", store.Pin)
            .With("@state", store.StateCode);
}
