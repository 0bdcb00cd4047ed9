using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Core;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Tills;

/// <summary>Till enrolment and listing for managers.</summary>
public static class TillEndpoints
{
    /// <summary>Bill prefixes are T01…T999, unique across the chain, so that with the financial year and a six-digit
    /// number a bill number stays within the e-invoice schema's 16 characters.</summary>
    public const int TillsMax = 999;

    /// <summary>Maps enrolment (<c>POST /api/v1/tills</c>) and the list (<c>GET /api/v1/tills</c>).</summary>
    public static void MapTillEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/tills", EnrolAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<TillEnrolmentRequest>("application/json").Produces<TillEnrolmentResult>(201).ProducesProblem(400).ProducesProblem(409);
        api.MapGet("/tills", ListAsync).RequireManager().Produces<IReadOnlyList<TillView>>();
    }

    private static async Task<IResult> EnrolAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.TillEnrolmentRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var name = request.Name.Trim();
        if (name.Length is 0 or > 50 || name.Any(char.IsControl))
        {
            return Problems.BadRequest("name must be 1 to 50 printable characters, e.g. \"Counter 2\".");
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var storeId = await StoreReader.ResolveAsync(connection, transaction, request.StoreId, http.RequestAborted);
            if (storeId is null)
            {
                return request.StoreId is null
                    ? Problems.Conflict("No default store yet; configure it with PUT /api/v1/store before enrolling tills.")
                    : Problems.BadRequest($"storeId {request.StoreId} is not a store.");
            }

            await database.LockTableAsync(connection, transaction, "tills", http.RequestAborted);
            var lastNumber = Convert.ToInt64(await connection.Command(
                    "SELECT COALESCE(MAX(CAST(SUBSTR(bill_prefix, 2) AS INTEGER)), 0) FROM tills", transaction)
                .ScalarAsync(http.RequestAborted), CultureInfo.InvariantCulture);
            if (lastNumber >= TillsMax)
            {
                return Problems.Conflict($"HQ has enrolled {TillsMax} tills, the most its bill series allows.");
            }

            var billPrefix = string.Create(CultureInfo.InvariantCulture, $"T{lastNumber + 1:D2}");
            var token = Tokens.New("till_");
            var tillId = Convert.ToInt64(await connection.Command("""
                INSERT INTO tills (store_id, name, bill_prefix, token_hash, next_seq, created_at)
                VALUES (@store, @name, @prefix, @hash, 1, @at) RETURNING till_id
                """, transaction)
                .With("@store", storeId).With("@name", name).With("@prefix", billPrefix).With("@hash", Tokens.Hash(token))
                .With("@at", StoredTime.Text(now))
                .ScalarAsync(http.RequestAborted), CultureInfo.InvariantCulture);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "till.enrol",
                $"till {tillId} '{name}' in store {storeId}, bill prefix {billPrefix}", now, http.RequestAborted);
            return TypedResults.Created($"/api/v1/tills/{tillId}", new TillEnrolmentResult(tillId, storeId.Value, name, token, billPrefix));
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var tills = await connection.Command(
                """
                SELECT till_id, store_id, name, bill_prefix, next_seq, last_sync_at, reported_queue_depth, reported_oldest_unsynced_at,
                       last_refusal_at, last_refusal, revoked_at,
                       (SELECT COUNT(*) FROM till_replacements r WHERE r.till_id = t.till_id)
                FROM tills t ORDER BY till_id
                """)
            .ListAsync(r => new TillView(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4),
                r.IsDBNull(5) ? null : StoredTime.Parse(r.GetString(5)),
                r.IsDBNull(6) ? null : r.GetInt32(6),
                r.IsDBNull(7) ? null : StoredTime.Parse(r.GetString(7)),
                r.IsDBNull(8) ? null : StoredTime.Parse(r.GetString(8)),
                r.NullableString(9),
                r.IsDBNull(10) ? null : StoredTime.Parse(r.GetString(10)),
                checked((int)r.GetInt64(11))), http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<TillView>>(tills);
    }
}
