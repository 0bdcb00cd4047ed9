using System.Data.Common;
using System.Text.Json.Nodes;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Irp.EwayBills;
using TillSync.Irp.Signing;
using TillSync.Irp.Storage;
using TillSync.Storage;

namespace TillSync.Irp.Invoices;

/// <summary>The registry of documents: registers (once per IRN), finds and cancels. Each write is one
/// <c>BEGIN IMMEDIATE</c> transaction, so two concurrent registrations of one document cannot both succeed and
/// AckNos are handed out in commit order.</summary>
public sealed class InvoiceRegistry(IrpDatabase database, SigningKey key, TimeProvider time)
{
    /// <summary>The first AckNo of a new registry: 15 digits, like NIC's.</summary>
    public const long AckNoFirst = 100_000_000_000_001;

    /// <summary>One past the largest 15-digit AckNo.</summary>
    public const long AckNoLimit = 1_000_000_000_000_000;

    /// <summary>How long after registration NIC allows a cancel.</summary>
    public static readonly TimeSpan CancelWindow = TimeSpan.FromHours(24);

    private const string SelectSql = """
        SELECT r.irn, r.ack_no, r.ack_at, r.seller_gstin, r.status, r.signed_invoice, r.signed_qr_code,
               e.ewb_no, e.generated_at, e.valid_until, r.doc_date
        FROM registrations r
        LEFT JOIN eway_bills e ON e.irn = r.irn AND NOT EXISTS (SELECT 1 FROM eway_bill_cancellations c WHERE c.ewb_no = e.ewb_no)
        WHERE r.irn = @irn
        """;

    /// <summary>The registration with <paramref name="irn"/>, or null.</summary>
    public async Task<Registration?> FindAsync(string irn, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, irn, cancellationToken);
    }

    /// <summary>Registers a validated document under <paramref name="irn"/>, with an e-way bill when it carries
    /// <c>EwbDtls</c>; or, when the IRN is taken, returns the existing registration with <c>Duplicate</c> true.</summary>
    public async Task<(Registration Registration, bool Duplicate)> RegisterAsync(
        string irn, EInvoicePayload payload, JsonObject body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = IrpDatabase.BeginWrite(connection);
        if (await FindAsync(connection, transaction, irn, cancellationToken) is { } existing)
        {
            return (existing, true);
        }

        var ackNo = (long)(await connection.Command("SELECT COALESCE(MAX(ack_no), @before) + 1 FROM registrations", transaction)
            .With("@before", AckNoFirst - 1).ScalarAsync(cancellationToken))!;
        Invariant.Assert(ackNo is >= AckNoFirst and < AckNoLimit);
        var ackAt = time.GetUtcNow();
        await connection.Command("""
                INSERT INTO registrations (irn, ack_no, ack_at, seller_gstin, doc_type, doc_no, doc_date, payload_json,
                                           signed_invoice, signed_qr_code, status)
                VALUES (@irn, @ackNo, @ackAt, @seller, @type, @no, @date, @payload, @invoice, @qr, 'ACT')
                """, transaction)
            .With("@irn", irn).With("@ackNo", ackNo).With("@ackAt", StoredTime.Text(ackAt)).With("@seller", payload.Seller.Gstin)
            .With("@type", payload.Document.Type).With("@no", payload.Document.Number).With("@date", payload.Document.Date)
            .With("@payload", body.ToJsonString())
            .With("@invoice", SignedDocuments.Invoice(key, body, irn, ackNo, ackAt))
            .With("@qr", SignedDocuments.QrCode(key, payload, irn, ackAt))
            .ExecuteAsync(cancellationToken);
        if (payload.Transport is { } transport)
        {
            await EwayBillRegistry.InsertAsync(connection, transaction, irn, transport.DistanceKm, transport.VehicleNo, ackAt, cancellationToken);
        }

        var registration = await FindAsync(connection, transaction, irn, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (registration!, false);
    }

    /// <summary>Cancels <paramref name="irn"/> for <paramref name="callerGstin"/> when NIC's rules allow it: the
    /// caller's own, active, within 24 hours of registration, and with no active e-way bill.</summary>
    public async Task<(CancelOutcome Outcome, DateTimeOffset CancelledAt)> CancelAsync(
        string irn, string callerGstin, string reason, string remark, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = IrpDatabase.BeginWrite(connection);
        var registration = await FindAsync(connection, transaction, irn, cancellationToken);
        var now = time.GetUtcNow();
        var outcome = registration switch
        {
            null => CancelOutcome.NotFound,
            _ when registration.SellerGstin != callerGstin => CancelOutcome.NotOwn,
            _ when registration.Status != IrnDetails.Active => CancelOutcome.NotActive,
            _ when now - registration.AckAt > CancelWindow => CancelOutcome.WindowPassed,
            _ when registration.EwbNo is not null => CancelOutcome.ActiveEwayBill,
            _ => CancelOutcome.Cancelled,
        };
        if (outcome != CancelOutcome.Cancelled)
        {
            return (outcome, now);
        }

        var changed = await connection.Command("""
                UPDATE registrations SET status = 'CNL', cancelled_at = @at, cancel_reason = @reason, cancel_remark = @remark
                WHERE irn = @irn AND status = 'ACT'
                """, transaction)
            .With("@at", StoredTime.Text(now)).With("@reason", reason).With("@remark", remark).With("@irn", irn)
            .ExecuteAsync(cancellationToken);
        Invariant.Assert(changed == 1);
        await transaction.CommitAsync(cancellationToken);
        return (CancelOutcome.Cancelled, now);
    }

    /// <summary>The registration with <paramref name="irn"/> read in <paramref name="transaction"/>, or null.</summary>
    public static Task<Registration?> FindAsync(DbConnection connection, DbTransaction? transaction, string irn, CancellationToken cancellationToken) =>
        connection.Command(SelectSql, transaction).With("@irn", irn).FirstOrDefaultAsync(
            r => new Registration(
                r.GetString(0), r.GetInt64(1), StoredTime.Parse(r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.IsDBNull(8) ? null : StoredTime.Parse(r.GetString(8)),
                r.IsDBNull(9) ? null : StoredTime.Parse(r.GetString(9)), r.GetString(10)),
            cancellationToken);
}
