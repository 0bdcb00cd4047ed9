using System.Data.Common;
using TillSync.Contracts.Documents;

namespace TillSync.Hq.Shifts;

/// <summary>HQ's own count of what a shift's drawer should hold, from the documents HQ holds (docs/shifts.md): the till's
/// sales and returns whose <c>tillSeq</c> lies between the shift's open and its close (or every later one while it is
/// open at HQ), by payment method, with the shift's float and cash movements. HQ shows it beside the till's
/// <c>expected</c> and flags a difference.</summary>
public static class ShiftRecount
{
    /// <summary>Columns for a query over <c>shift_opens o LEFT JOIN shift_closes c</c>: cash, card and UPI taken on sales,
    /// then cash, card and UPI refunded, in that order (<see cref="Read"/>).</summary>
    public const string Columns =
        $"{PaidSum}'cash'), 0), {PaidSum}'card'), 0), {PaidSum}'upi'), 0), {RefundedSum}'cash'), 0), {RefundedSum}'card'), 0), {RefundedSum}'upi'), 0)";

    private const string InShift = "x.till_id = o.till_id AND x.till_seq > o.till_seq AND x.till_seq < COALESCE(c.till_seq, 9223372036854775807)";

    private const string PaidSum = "COALESCE((SELECT SUM(p.amount_paise) FROM orders x JOIN order_payments p ON p.client_order_id = x.client_order_id WHERE "
        + InShift + " AND p.method = ";

    private const string RefundedSum = "COALESCE((SELECT SUM(f.amount_paise) FROM returns x JOIN return_refunds f ON f.document_id = x.document_id WHERE "
        + InShift + " AND f.method = ";

    /// <summary>HQ's expected figures from the six columns at <paramref name="first"/>.</summary>
    public static ShiftExpectedDto Read(DbDataReader r, int first, long floatPaise, long cashInPaise, long cashOutPaise) =>
        new(floatPaise, r.GetInt64(first), r.GetInt64(first + 3), cashInPaise, cashOutPaise,
            checked(r.GetInt64(first + 1) - r.GetInt64(first + 4)), checked(r.GetInt64(first + 2) - r.GetInt64(first + 5)));
}
