using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Core.Orders;
using TillSync.Hq.Orders;
using TillSync.Hq.Staff;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Shifts;

/// <summary><c>GET /api/v1/shifts/sales?date=&amp;storeId=&amp;tillId=</c>: one IST day's committed sales by cashier, tender and
/// hour (docs/shifts.md): a rejected order moved no money and counts nowhere. The day is required: it bounds what one answer reads.</summary>
public static class SalesBreakdownEndpoint
{
    /// <summary>Answers the breakdown, or a 400 problem for a missing or malformed date.</summary>
    public static async Task<IResult> GetAsync(HttpContext http, HqDatabase database, long? storeId, long? tillId, string? date)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problems.BadRequest("date is required, as yyyy-MM-dd, e.g. 2026-12-05 (a day in India Standard Time).");
        }

        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), BillNumber.IstOffset);
        var where = $"o.status = @committed AND o.created_at >= @from AND o.created_at < @to{(storeId is null ? "" : " AND o.store_id = @store")}{(tillId is null ? "" : " AND o.till_id = @till")}";
        await using var connection = await database.OpenAsync(http.RequestAborted);
        var sales = await Filtered(connection.Command($"""
            SELECT o.created_at, o.cashier_id, s.name, o.total_paise FROM orders o LEFT JOIN staff s ON s.staff_id = o.cashier_id WHERE {where}
            """), from, storeId, tillId)
            .ListAsync(r => (At: StoredTime.Parse(r.GetString(0)), CashierId: r.IsDBNull(1) ? (long?)null : r.GetInt64(1), Name: r.NullableString(2),
                TotalPaise: r.GetInt64(3)), http.RequestAborted);
        var tenders = await Filtered(connection.Command($"""
            SELECT p.method, SUM(p.amount_paise) FROM orders o JOIN order_payments p ON p.client_order_id = o.client_order_id WHERE {where}
            GROUP BY p.method ORDER BY p.method
            """), from, storeId, tillId)
            .ListAsync(r => new TenderSales(r.GetString(0), r.GetInt64(1)), http.RequestAborted);
        return TypedResults.Ok(new SalesBreakdown(day, sales.Count, sales.Sum(s => s.TotalPaise),
            [.. sales.GroupBy(s => s.CashierId).OrderBy(g => g.Key)
                .Select(g => new CashierSales(g.Key, CashierNames.Of(g.Key, g.First().Name), g.Count(), g.Sum(s => s.TotalPaise)))],
            tenders,
            [.. sales.GroupBy(s => s.At.ToOffset(BillNumber.IstOffset).Hour).OrderBy(g => g.Key)
                .Select(g => new HourSales(g.Key, g.Count(), g.Sum(s => s.TotalPaise)))]));
    }

    private static System.Data.Common.DbCommand Filtered(System.Data.Common.DbCommand command, DateTimeOffset from, long? storeId, long? tillId)
    {
        command.With("@committed", OrderStatuses.Committed).With("@from", StoredTime.Text(from)).With("@to", StoredTime.Text(from.AddDays(1)));
        if (storeId is not null)
        {
            command.With("@store", storeId);
        }

        if (tillId is not null)
        {
            command.With("@till", tillId);
        }

        return command;
    }
}
