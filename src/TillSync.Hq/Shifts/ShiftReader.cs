using System.Data.Common;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Hq.Staff;
using TillSync.Storage;

namespace TillSync.Hq.Shifts;

/// <summary>A shift as HQ holds it, read the one way both the listing (<c>GET /api/v1/shifts</c>) and the sync batch's
/// count check (<see cref="ShiftCountCheck"/>) read it: the open, its cash movements, the close and HQ's own count.</summary>
public static class ShiftReader
{
    /// <summary>The query without its <c>WHERE</c>: <c>o</c> is the shift's open, <c>c</c> its close (null columns while
    /// HQ holds none); read each row with <see cref="Read"/>.</summary>
    public const string Select = $$"""
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

    /// <summary>One row of <see cref="Select"/>, with HQ's count beside the till's and whether they differ.</summary>
    public static ShiftView Read(DbDataReader r)
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
