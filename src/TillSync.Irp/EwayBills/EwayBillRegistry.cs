using System.Data.Common;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Invoices;
using TillSync.Irp.Storage;
using TillSync.Storage;

namespace TillSync.Irp.EwayBills;

/// <summary>E-way bills by IRN: at most one active per registered, active IRN; numbers are 12 digits, increasing. An
/// e-way bill is cancelled by its generator within 24 hours of its generation, and the IRN may then have a fresh one
/// (NIC: an e-way bill with wrong details is cancelled and generated afresh).</summary>
public sealed class EwayBillRegistry(IrpDatabase database, TimeProvider time)
{
    /// <summary>How long after generation NIC allows an e-way bill's cancel.</summary>
    public static readonly TimeSpan CancelWindow = TimeSpan.FromHours(24);

    /// <summary>The first e-way bill number of a new registry.</summary>
    public const long EwbNoFirst = 181_000_000_001;

    /// <summary>One past the largest 12-digit number.</summary>
    public const long EwbNoLimit = 1_000_000_000_000;

    /// <summary>Generates an e-way bill for <paramref name="request"/>'s IRN on behalf of <paramref name="callerGstin"/>.</summary>
    public async Task<(EwayBillOutcome Outcome, Registration? Registration)> GenerateAsync(
        EwayBillRequest request, string callerGstin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = IrpDatabase.BeginWrite(connection);
        var registration = await InvoiceRegistry.FindAsync(connection, transaction, request.Irn, cancellationToken);
        var outcome = registration switch
        {
            null => EwayBillOutcome.NotFound,
            _ when registration.SellerGstin != callerGstin => EwayBillOutcome.NotOwn,
            _ when registration.Status != IrnDetails.Active => EwayBillOutcome.NotActive,
            _ when registration.EwbNo is not null => EwayBillOutcome.AlreadyExists,
            _ => EwayBillOutcome.Generated,
        };
        if (outcome != EwayBillOutcome.Generated)
        {
            return (outcome, registration);
        }

        await InsertAsync(connection, transaction, request.Irn, request.Distance, request.VehNo, time.GetUtcNow(), cancellationToken);
        registration = await InvoiceRegistry.FindAsync(connection, transaction, request.Irn, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (outcome, registration);
    }

    /// <summary>Cancels e-way bill <paramref name="request"/>.EwbNo for <paramref name="callerGstin"/> when NIC's rules
    /// allow it: the caller's own (its invoice's seller), active, and within 24 hours of its generation.</summary>
    public async Task<(EwayBillCancelOutcome Outcome, DateTimeOffset CancelledAt)> CancelAsync(
        CancelEwayBillRequest request, string callerGstin, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = IrpDatabase.BeginWrite(connection);
        var now = time.GetUtcNow();
        var found = await connection.Command("""
                SELECT r.seller_gstin, e.generated_at, c.ewb_no IS NOT NULL
                FROM eway_bills e JOIN registrations r ON r.irn = e.irn
                LEFT JOIN eway_bill_cancellations c ON c.ewb_no = e.ewb_no
                WHERE e.ewb_no = @ewbNo
                """, transaction)
            .With("@ewbNo", request.EwbNo)
            .FirstOrDefaultAsync(
                r => ((string Seller, DateTimeOffset GeneratedAt, bool Cancelled)?)(r.GetString(0), StoredTime.Parse(r.GetString(1)), r.GetBoolean(2)),
                cancellationToken);
        var outcome = found switch
        {
            null => EwayBillCancelOutcome.NotCancellable,
            { Seller: var seller } when seller != callerGstin => EwayBillCancelOutcome.NotCancellable,
            { Cancelled: true } => EwayBillCancelOutcome.NotCancellable,
            { GeneratedAt: var at } when now - at > CancelWindow => EwayBillCancelOutcome.WindowPassed,
            _ => EwayBillCancelOutcome.Cancelled,
        };
        if (outcome != EwayBillCancelOutcome.Cancelled)
        {
            return (outcome, now);
        }

        await connection.Command("""
                INSERT INTO eway_bill_cancellations (ewb_no, cancelled_at, cancel_reason, cancel_remark)
                VALUES (@ewbNo, @at, @reason, @remark)
                """, transaction)
            .With("@ewbNo", request.EwbNo).With("@at", StoredTime.Text(now)).With("@reason", request.CancelRsnCode)
            .With("@remark", request.CancelRmrk)
            .ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (outcome, now);
    }

    /// <summary>Writes an e-way bill for <paramref name="irn"/> in <paramref name="transaction"/> (a write transaction).</summary>
    public static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, string irn, int distanceKm, string? vehicleNo, DateTimeOffset generatedAt,
        CancellationToken cancellationToken)
    {
        var ewbNo = (long)(await connection.Command("SELECT COALESCE(MAX(ewb_no), @before) + 1 FROM eway_bills", transaction)
            .With("@before", EwbNoFirst - 1).ScalarAsync(cancellationToken))!;
        Invariant.Assert(ewbNo is >= EwbNoFirst and < EwbNoLimit);
        await connection.Command("""
                INSERT INTO eway_bills (ewb_no, irn, generated_at, valid_until, distance_km, vehicle_no)
                VALUES (@ewbNo, @irn, @at, @until, @distance, @vehicle)
                """, transaction)
            .With("@ewbNo", ewbNo).With("@irn", irn).With("@at", StoredTime.Text(generatedAt))
            .With("@until", StoredTime.Text(EwayBillValidity.ValidUntil(generatedAt, distanceKm)))
            .With("@distance", distanceKm).With("@vehicle", vehicleNo)
            .ExecuteAsync(cancellationToken);
    }
}
