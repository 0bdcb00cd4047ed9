using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Loyalty;
using TillSync.Core;
using TillSync.Core.Ids;
using TillSync.Core.Orders;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>Loyalty endpoints (docs/loyalty.md). Managers: settings and a customer's balance and movements. Tills (own
/// token only): a customer's balance, one-time code requests and code verification.</summary>
public static partial class LoyaltyEndpoints
{
    /// <summary>Maps the loyalty endpoints.</summary>
    public static void MapLoyaltyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/loyalty/settings", GetSettingsAsync).RequireManager().Produces<LoyaltySettingsDto>();
        api.MapPut("/loyalty/settings", PutSettingsAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<LoyaltySettingsDto>("application/json").Produces<LoyaltySettingsDto>().ProducesProblem(400);
        api.MapGet("/loyalty/customers/{phone}", GetCustomerAsync).RequireManager().Produces<LoyaltyCustomerView>().ProducesProblem(400);
        api.MapGet("/till/loyalty/{phone}", GetBalanceAsync).RequireTill().Produces<LoyaltyBalance>().ProducesProblem(400);
        api.MapPost("/loyalty/codes", RequestCodeAsync).RequireTill()
            .Accepts<LoyaltyCodeRequest>("application/json").Produces<LoyaltyCodeView>(201).ProducesProblem(400).ProducesProblem(409).ProducesProblem(429);
        api.MapPost("/loyalty/redemptions", RedeemAsync).RequireTill()
            .Accepts<RedemptionRequest>("application/json").Produces<RedemptionView>().ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> GetSettingsAsync(HttpContext http, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        return TypedResults.Ok(await LoyaltySettings.ReadAsync(connection, null, http.RequestAborted));
    }

    private static async Task<IResult> PutSettingsAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (settings, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.LoyaltySettingsDto, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (settings is null)
        {
            return problem!;
        }

        if (LoyaltySettings.Problem(settings) is { } sentence)
        {
            return Problems.BadRequest(sentence);
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            await LoyaltySettings.SaveAsync(connection, transaction, settings, now, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "loyalty.settings", settings.ToString(), now, http.RequestAborted);
            return TypedResults.Ok(settings);
        });
    }

    // Newest first, a page at a time (before= the oldest movement id of the page before); each movement with the balance
    // right after it, so that a page read alone still says what the customer held then.
    private static async Task<IResult> GetCustomerAsync(string phone, HttpContext http, HqDatabase database, long? before, int? limit)
    {
        var pageSize = limit ?? Limits.LoyaltyMovementsPageMax;
        if (!OrderRules.IsValidPhone(phone))
        {
            return Problems.BadRequest("phone must be a 10-digit Indian mobile number.");
        }

        if (pageSize is < 1 or > Limits.LoyaltyMovementsPageMax || before < 1)
        {
            return Problems.BadRequest($"limit must be 1 to {Limits.LoyaltyMovementsPageMax} and before a movement id (1 or more).");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginReadAsync(connection, http.RequestAborted);
        var settings = await LoyaltySettings.ReadAsync(connection, transaction, http.RequestAborted);
        var balance = await BalanceAsync(connection, transaction, phone, http.RequestAborted);
        var cursor = before ?? long.MaxValue;
        var newer = Convert.ToInt64(await connection.Command(
                "SELECT COALESCE(SUM(points), 0) FROM loyalty_movements WHERE phone = @phone AND movement_id >= @before", transaction)
            .With("@phone", phone).With("@before", cursor).ScalarAsync(http.RequestAborted), CultureInfo.InvariantCulture);
        var rows = await connection.Command("""
            SELECT movement_id, kind, points, client_order_id, review_id, till_id, created_at FROM loyalty_movements
            WHERE phone = @phone AND movement_id < @before ORDER BY movement_id DESC LIMIT @limit
            """, transaction).With("@phone", phone).With("@before", cursor).With("@limit", pageSize + 1)
            .ListAsync(r => (Id: r.GetInt64(0), Kind: r.GetString(1), Points: r.GetInt64(2), Order: r.IsDBNull(3) ? (Guid?)null : Guid.Parse(r.GetString(3)),
                Review: r.IsDBNull(4) ? (long?)null : r.GetInt64(4), Till: r.IsDBNull(5) ? (long?)null : r.GetInt64(5), At: StoredTime.Parse(r.GetString(6))),
                http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        var more = rows.Count > pageSize;
        var after = checked(balance - newer);
        var movements = new List<LoyaltyMovementView>(Math.Min(rows.Count, pageSize));
        foreach (var m in rows.Take(pageSize))
        {
            movements.Add(new LoyaltyMovementView(m.Id, m.Kind, m.Points, m.Order, m.Review, m.Till, m.At, after));
            after = checked(after - m.Points);
        }

        return TypedResults.Ok(new LoyaltyCustomerView(
            phone, balance, LoyaltySettings.ValuePaise(settings, balance), movements, more ? movements[^1].MovementId : null));
    }

    private static async Task<IResult> GetBalanceAsync(string phone, HttpContext http, HqDatabase database, TimeProvider time)
    {
        if (!OrderRules.IsValidPhone(phone))
        {
            return Problems.BadRequest("phone must be a 10-digit Indian mobile number.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var balance = await BalanceAsync(connection, null, phone, http.RequestAborted);
        return TypedResults.Ok(new LoyaltyBalance(phone, balance, time.GetUtcNow()));
    }

    private static async Task<IResult> RequestCodeAsync(
        HttpContext http, HqDatabase database, TimeProvider time, IIdGenerator ids, LoyaltyOptions options, ILogger<LoyaltyOptions> logger)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.LoyaltyCodeRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (!OrderRules.IsValidPhone(request.Phone) || request.Points is <= 0 or > Limits.LoyaltyPointsPerOrderMax)
        {
            return Problems.BadRequest($"phone must be a 10-digit Indian mobile number and points 1 to {Limits.LoyaltyPointsPerOrderMax}.");
        }

        var till = http.Caller();
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        var settings = await LoyaltySettings.ReadAsync(connection, transaction, http.RequestAborted);
        var (forPhone, forTill) = await LoyaltyCodes.RecentRequestsAsync(connection, transaction, request.Phone, till.Id, now.AddHours(-1), http.RequestAborted);
        var balance = await BalanceAsync(connection, transaction, request.Phone, http.RequestAborted);
        IResult? refusal = forPhone >= settings.CodeRequestsPerPhoneHourMax || forTill >= settings.CodeRequestsPerTillHourMax
            ? Problems.TooManyRequests(string.Create(CultureInfo.InvariantCulture,
                $"At most {settings.CodeRequestsPerPhoneHourMax} codes per customer and {settings.CodeRequestsPerTillHourMax} per till in an hour; try later or burn within the offline limit."))
            : balance < request.Points
                ? Problems.Conflict(string.Create(CultureInfo.InvariantCulture, $"The customer has {balance} points at HQ, fewer than the {request.Points} asked for."))
                : null;
        if (refusal is not null)
        {
            await AuditLog.RecordAsync(connection, transaction, till.Name, "loyalty.code.refused",
                string.Create(CultureInfo.InvariantCulture, $"phone {Mask(request.Phone)}, {request.Points} points: {(balance < request.Points ? "balance short" : "rate limited")}"),
                now, http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            return refusal;
        }

        var (view, code) = await LoyaltyCodes.CreateAsync(connection, transaction, ids.NewId(), till, request, settings, now, http.RequestAborted);
        await AuditLog.RecordAsync(connection, transaction, till.Name, "loyalty.code.request",
            string.Create(CultureInfo.InvariantCulture, $"request {view.RequestId}: phone {Mask(request.Phone)}, {request.Points} points"), now, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        if (options.LogCodes)
        {
            LogCode(logger, view.RequestId, Mask(request.Phone), code);
        }

        return TypedResults.Created($"/api/v1/loyalty/codes/{view.RequestId}", view);
    }

    private static async Task<IResult> RedeemAsync(HttpContext http, HqDatabase database, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync(
            http.Request, TillSyncJsonContext.Default.RedemptionRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (request.Code.Length > 20)
        {
            return Problems.BadRequest($"code must be the {LoyaltyCodes.CodeDigits} digits the customer received.");
        }

        var till = http.Caller();
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        var settings = await LoyaltySettings.ReadAsync(connection, transaction, http.RequestAborted);
        var lockSql = database.Engine.LockRowsSql;
        var outcome = await LoyaltyCodes.VerifyAsync(connection, transaction, till, request, settings, lockSql, now, http.RequestAborted);
        await AuditLog.RecordAsync(connection, transaction, till.Name, "loyalty.code.verify",
            $"request {request.RequestId}: {outcome?.Status ?? "unknown request"}", now, http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return outcome is null
            ? Problems.NotFound($"No code request {request.RequestId} from this till.")
            : TypedResults.Ok(outcome);
    }

    private static async Task<long> BalanceAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string phone, CancellationToken cancellationToken) =>
        Convert.ToInt64(await connection.Command("SELECT balance_points FROM loyalty_customers WHERE phone = @phone", transaction)
            .With("@phone", phone).ScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture);

    // Audit and logs name a customer by the last four digits only.
    private static string Mask(string phone) => "******" + phone[^4..];

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEV ONLY (--log-loyalty-codes): loyalty code for request {RequestId} (phone {Phone}): {Code}")]
    private static partial void LogCode(ILogger logger, Guid requestId, string phone, string code);
}
