using Microsoft.Data.Sqlite;
using TillSync.Core.EInvoicing;
using TillSync.Hq.EInvoicing;
using TillSync.Simulation.EInvoicing;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>E-invoicing as HQ, the portal and the line between them left it: HQ's outbox, the portal's registry and every
/// registration request that reached the portal.</summary>
/// <param name="Hq">HQ's <c>einvoices</c> rows, in till and tillSeq order.</param>
/// <param name="Portal">The portal's registrations, in AckNo order.</param>
/// <param name="Calls">Every registration request that reached the portal, in order (the wire's copies marked).</param>
public sealed record EInvoiceFacts(IReadOnlyList<HqEInvoice> Hq, IReadOnlyList<PortalRegistration> Portal, IReadOnlyList<RegisterCall> Calls)
{
    /// <summary>The e-way bills of the run's invoices.</summary>
    public EwayBillFacts EwayBills { get; init; } = EwayBillFacts.None;

    /// <summary>What became of the documents, by name, for the report.</summary>
    public IEnumerable<(string What, int Count)> Counts =>
    [
        .. new[] { EInvoiceDocumentType.Invoice, EInvoiceDocumentType.CreditNote }.Select(DocumentTypes.Code).SelectMany(type => new[] { EInvoiceStatuses.Registered, EInvoiceStatuses.Cancelled, EInvoiceStatuses.Failed }
            .Select(status => ($"{type}: {status} at HQ", Hq.Count(r => r.DocType == type && r.Status == status)))),
        ("registration requests HQ sent that reached the portal", Calls.Count(c => !c.FromWire)),
        ("registration requests the network delivered twice", Calls.Count(c => c.FromWire)),
    ];

    /// <summary>Reads HQ's side through <paramref name="hq"/> and the portal's from its file.</summary>
    public static async Task<EInvoiceFacts> ReadAsync(
        SqliteConnection hq, string portalDatabasePath, IReadOnlyList<RegisterCall> calls, CancellationToken cancellationToken)
    {
        var outbox = await hq.Command("""
            SELECT client_order_id, till_id, till_seq, doc_type, doc_no, doc_date, status, irn, till_irn, ack_no, original_doc_no, original_doc_date, last_error
            FROM einvoices ORDER BY till_id, till_seq
            """).ListAsync(r => new HqEInvoice(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.NullableString(8), r.IsDBNull(9) ? null : r.GetInt64(9), r.NullableString(10), r.NullableString(11),
                r.NullableString(12)), cancellationToken);
        await using var portal = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = portalDatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await portal.OpenAsync(cancellationToken);
        var registrations = await portal.Command("""
            SELECT irn, ack_no, ack_at, doc_type, doc_no, doc_date, status, cancelled_at,
                   json_extract(payload_json, '$.RefDtls.PrecDocDtls[0].InvNo'), json_extract(payload_json, '$.RefDtls.PrecDocDtls[0].InvDt')
            FROM registrations ORDER BY ack_no
            """).ListAsync(r => new PortalRegistration(r.GetString(0), r.GetInt64(1), StoredTime.Parse(r.GetString(2)), r.GetString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : StoredTime.Parse(r.GetString(7)), r.NullableString(8), r.NullableString(9)),
                cancellationToken);
        return new EInvoiceFacts(outbox, registrations, [.. calls]) { EwayBills = await EwayBillFacts.ReadAsync(hq, portal, cancellationToken) };
    }
}
