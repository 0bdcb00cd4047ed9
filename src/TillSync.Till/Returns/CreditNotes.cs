using System.Text.Json;
using TillSync.Storage;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;
using TillSync.Till.Web;

namespace TillSync.Till.Returns;

/// <summary>The till's credit notes as printed, for reprints, with where each return stands with HQ now.</summary>
public sealed class CreditNotes(TillDatabase database)
{
    /// <summary>The credit note of return <paramref name="documentId"/>, or null; with the IRP's registration laid over
    /// it once HQ has reported one (<c>sale_irns</c> holds a credit note's registration under its document id), marked
    /// cancelled once HQ has reported its cancellation at the portal (an <c>irn_cancelled</c> update).</summary>
    public async Task<CreditNote?> FindAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.Command("""
            SELECT r.credit_note_json, d.sync_state, i.irn, i.ack_no, i.ack_dt, i.signed_qr,
              EXISTS (SELECT 1 FROM hq_updates u WHERE u.client_order_id = r.document_id AND u.kind = 'irn_cancelled')
            FROM returns r JOIN documents d ON d.till_seq = r.till_seq LEFT JOIN sale_irns i ON i.client_order_id = r.document_id
            WHERE r.document_id = @id
            """).With("@id", documentId.ToString("D"))
            .FirstOrDefaultAsync(r => (Json: r.GetString(0), State: r.GetString(1),
                Registered: r.IsDBNull(2) ? null
                    : new IrnInfo(r.GetInt64(6) == 1 ? IrnStatuses.Cancelled : IrnStatuses.Registered, r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5))),
                cancellationToken);
        return row.Json is null
            ? null
            : JsonSerializer.Deserialize(row.Json, TillJsonContext.Default.CreditNote)! with { SyncState = row.State, Registration = row.Registered };
    }
}
