using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>E-way bills as HQ and the portal left them.</summary>
/// <param name="Portal">Every e-way bill the portal generated, in number order.</param>
/// <param name="Hq">The e-way bill HQ holds for each invoice that has one.</param>
public sealed record EwayBillFacts(IReadOnlyList<PortalEwayBill> Portal, IReadOnlyList<HqEwayBill> Hq)
{
    /// <summary>No e-way bills.</summary>
    public static EwayBillFacts None { get; } = new([], []);

    /// <summary>Reads HQ's side through <paramref name="hq"/> and the portal's through <paramref name="portal"/>.</summary>
    public static async Task<EwayBillFacts> ReadAsync(SqliteConnection hq, SqliteConnection portal, CancellationToken cancellationToken)
    {
        var held = await hq.Command("""
            SELECT irn, doc_no, total_paise, ewb_no, ewb_cancelled_at IS NOT NULL FROM einvoices WHERE ewb_no IS NOT NULL ORDER BY till_id, till_seq
            """).ListAsync(r => new HqEwayBill(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4) != 0), cancellationToken);
        var generated = await portal.Command("""
            SELECT e.ewb_no, e.irn, e.generated_at, c.cancelled_at FROM eway_bills e
            LEFT JOIN eway_bill_cancellations c ON c.ewb_no = e.ewb_no ORDER BY e.ewb_no
            """).ListAsync(r => new PortalEwayBill(r.GetInt64(0), r.GetString(1), StoredTime.Parse(r.GetString(2)),
                r.IsDBNull(3) ? null : StoredTime.Parse(r.GetString(3))), cancellationToken);
        return new EwayBillFacts(generated, held);
    }
}
