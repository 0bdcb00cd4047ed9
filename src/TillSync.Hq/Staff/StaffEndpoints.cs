using System.Data.Common;
using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Staff;
using TillSync.Core;
using TillSync.Core.Staff;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Web;

namespace TillSync.Hq.Staff;

/// <summary>Managers keep staff (<c>/api/v1/staff</c>; docs/shifts.md): add, change (a new PIN included), list. Answers
/// never carry a PIN or its hash, and the audit trail says only that a PIN was set.</summary>
public static class StaffEndpoints
{
    /// <summary>Maps the staff endpoints for managers.</summary>
    public static void MapStaffEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/staff", AddAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StaffDto>("application/json").Produces<StaffView>(201).ProducesProblem(400);
        api.MapPut("/staff/{staffId:long}", ChangeAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<StaffDto>("application/json").Produces<StaffView>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/staff", ListAsync).RequireManager().Produces<IReadOnlyList<StaffView>>();
    }

    private static async Task<IResult> AddAsync(HttpContext http, HqDatabase database, StaffOptions options, TimeProvider time)
    {
        var (staff, problem) = await ReadAsync(http, pinRequired: true);
        if (staff is null)
        {
            return problem!;
        }

        // The slow hash is made before the write transaction, so that it never holds the database's write lock.
        var pin = StaffPin.Create(staff.Pin!, options.PinIterations);
        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            if (await UnknownStoreAsync(connection, transaction, staff, http.RequestAborted) is { } unknown)
            {
                return unknown;
            }

            var now = time.GetUtcNow();
            var staffId = await StaffRows.InsertAsync(connection, transaction, staff, pin, now, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "staff.add", Describe(staffId, staff), now, http.RequestAborted);
            var view = (await StaffRows.ListAsync(connection, transaction, staffId, http.RequestAborted)).Single();
            return TypedResults.Created($"/api/v1/staff/{staffId}", view);
        });
    }

    private static async Task<IResult> ChangeAsync(long staffId, HttpContext http, HqDatabase database, StaffOptions options, TimeProvider time)
    {
        var (staff, problem) = await ReadAsync(http, pinRequired: false);
        if (staff is null)
        {
            return problem!;
        }

        var pin = staff.Pin is null ? null : StaffPin.Create(staff.Pin, options.PinIterations);
        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            if (await UnknownStoreAsync(connection, transaction, staff, http.RequestAborted) is { } unknown)
            {
                return unknown;
            }

            var now = time.GetUtcNow();
            if (!await StaffRows.UpdateAsync(connection, transaction, staffId, staff, pin, now, http.RequestAborted))
            {
                return Problems.NotFound(string.Create(CultureInfo.InvariantCulture, $"There is no staff member {staffId}."));
            }

            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "staff.change", Describe(staffId, staff), now, http.RequestAborted);
            return TypedResults.Ok((await StaffRows.ListAsync(connection, transaction, staffId, http.RequestAborted)).Single());
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database)
    {
        await using var connection = await database.OpenAsync(http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<StaffView>>(await StaffRows.ListAsync(connection, null, null, http.RequestAborted));
    }

    private static async Task<(StaffDto? Staff, IResult? Problem)> ReadAsync(HttpContext http, bool pinRequired)
    {
        var (staff, problem) = await JsonBody.ReadAsync(http.Request, TillSyncJsonContext.Default.StaffDto, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (staff is null)
        {
            return (null, problem);
        }

        var invalid = StaffRules.Problem(staff, pinRequired);
        return invalid is null ? (staff, null) : (null, Problems.BadRequest(invalid));
    }

    private static async Task<IResult?> UnknownStoreAsync(DbConnection connection, DbTransaction transaction, StaffDto staff, CancellationToken cancellationToken)
    {
        foreach (var storeId in staff.StoreIds)
        {
            if (await StoreReader.ResolveAsync(connection, transaction, storeId, cancellationToken) is null)
            {
                return Problems.BadRequest(string.Create(CultureInfo.InvariantCulture, $"storeIds: {storeId} is not a store."));
            }
        }

        return null;
    }

    // The audit line says a PIN was set, never which.
    private static string Describe(long staffId, StaffDto staff) => string.Create(CultureInfo.InvariantCulture,
        $"staff {staffId} '{staff.Name.Trim()}', {staff.Role}, stores {string.Join(' ', staff.StoreIds)}, {(staff.Active ? "active" : "inactive")}{(staff.Pin is null ? "" : ", PIN set")}");
}
