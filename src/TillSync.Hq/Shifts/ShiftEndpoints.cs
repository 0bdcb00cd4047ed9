using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Shifts;

/// <summary><c>GET /api/v1/shifts</c>: the shifts HQ holds for a store, a till and a day (docs/shifts.md).</summary>
public static class ShiftEndpoints
{
    /// <summary>The most shifts one answer lists.</summary>
    public const int ShiftsMax = 500;

    /// <summary>Maps the listing and the day's sales breakdown for managers.</summary>
    public static void MapShiftEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/shifts", ListAsync).RequireManager().Produces<IReadOnlyList<ShiftView>>().ProducesProblem(400);
        api.MapGet("/shifts/sales", SalesBreakdownEndpoint.GetAsync).RequireManager().Produces<SalesBreakdown>().ProducesProblem(400);
    }

    private static async Task<IResult> ListAsync(HttpContext http, HqDatabase database, long? storeId, long? tillId, string? date)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Problems.BadRequest("date must be a day as yyyy-MM-dd, e.g. 2026-12-05 (the shift's opening day in India Standard Time).");
            }

            day = parsed;
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var command = connection.Command($"{ShiftReader.Select} WHERE 1 = 1{(storeId is null ? "" : " AND o.store_id = @store")}{(tillId is null ? "" : " AND o.till_id = @till")}{(day is null ? "" : " AND o.opened_at >= @from AND o.opened_at < @to")} ORDER BY o.opened_at, o.document_id LIMIT @limit");
        Filter(command, storeId, tillId, day);
        var shifts = await command.ListAsync(ShiftReader.Read, http.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ShiftView>>(shifts);
    }

    private static void Filter(DbCommand command, long? storeId, long? tillId, DateOnly? day)
    {
        command.With("@limit", ShiftsMax);
        if (storeId is not null)
        {
            command.With("@store", storeId);
        }

        if (tillId is not null)
        {
            command.With("@till", tillId);
        }

        if (day is { } d)
        {
            // The day in India Standard Time, as stored times are UTC.
            var from = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), Core.Orders.BillNumber.IstOffset);
            command.With("@from", StoredTime.Text(from)).With("@to", StoredTime.Text(from.AddDays(1)));
        }
    }
}
