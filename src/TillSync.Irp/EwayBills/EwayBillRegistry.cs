using System.Data.Common;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Invoices;
using TillSync.Irp.Storage;
using TillSync.Storage;

namespace TillSync.Irp.EwayBills;

/// <summary>E-way bills by IRN: at most one per registered, active IRN; numbers are 12 digits, increasing.</summary>
public sealed class EwayBillRegistry(IrpDatabase database, TimeProvider time)
{
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
