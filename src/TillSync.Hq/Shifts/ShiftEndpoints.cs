using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Hq.Access;
using TillSync.Hq.Staff;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Shifts;

/// <summary><c>GET /api/v1/shifts</c>: the shifts HQ holds for a store, a till and a day (docs/shifts.md).</summary>
public static class ShiftEndpoints
{
    /// <summary>The most shifts one answer lists.</summary>
    public const int ShiftsMax = 500;

    private const string Select = $$"""
        SELECT o.document_id, o.store_id, o.till_id, o.opened_at, o.cashier_id, so.name, o.float_paise,
               COALESCE((SELECT SUM(m.amount_paise) FROM cash_movements m WHERE m.shift_id = o.document_id AND m.direction = 'in'), 0),
               COALESCE((SELECT SUM(m.amount_paise) FROM cash_movements m WHERE m.shift_id = o.document_id AND m.direction = 'out'), 0),
               c.z_number, c.closed_at, c.cashier_id, sc.name, c.expected_json, c.counted_cash_paise, c.card_slips_paise, c.upi_slips_paise,
               c.cash_variance_paise, {{ShiftRecount.Columns}}
        FROM shift_opens o
        LEFT JOIN shift_closes c ON c.shift_id = o.document_id
        LEFT JOIN staff so ON so.staff_id = o.cashier_id
        LEFT JOIN staff sc ON sc.staff_id = c.cashier_id
        """;

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
        var command = connection.Command($"{Select} WHERE 1 = 1{(storeId is null ? "" : " AND o.store_id = @store")}{(tillId is null ? "" : " AND o.till_id = @till")}{(day is null ? "" : " AND o.opened_at >= @from AND o.opened_at < @to")} ORDER BY o.opened_at, o.document_id LIMIT @limit");
        Filter(command, storeId, tillId, day);
        var shifts = await command.ListAsync(Read, http.RequestAborted);
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

    private static ShiftView Read(DbDataReader r)
    {
        var closed = !r.IsDBNull(9);
        var view = new ShiftView(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetInt64(2), StoredTime.Parse(r.GetString(3)),
            CashierNames.Of(r.GetInt64(4), r.NullableString(5)), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8),
            closed ? r.GetInt64(9) : null, closed ? StoredTime.Parse(r.GetString(10)) : null,
            closed ? CashierNames.Of(r.GetInt64(11), r.NullableString(12)) : null,
            closed ? JsonSerializer.Deserialize(r.GetString(13), TillSyncJsonContext.Default.ShiftExpectedDto) : null,
            closed ? r.GetInt64(14) : null, closed ? r.GetInt64(15) : null, closed ? r.GetInt64(16) : null, closed ? r.GetInt64(17) : null);
        var hqExpected = ShiftRecount.Read(r, 18, view.FloatPaise, view.CashInPaise, view.CashOutPaise);
        return view with { HqExpected = hqExpected, ExpectedDiffers = view.Expected is { } expected && expected != hqExpected };
    }
}
