using System.Data.Common;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Tills;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary><c>POST /api/v1/einvoices/{clientOrderId}/cancel</c>: a manager cancels a registered bill at the portal
/// (docs/einvoice.md, "Cancelling a bill"). The portal decides: within 24 hours of the acknowledgement and without an
/// active e-way bill it cancels, otherwise it refuses with its code, which HQ passes on unchanged. HQ asks the portal
/// outside any transaction and stores what it answered; when the answer is lost, the same request again finds the
/// bill cancelled at the portal (9999, then a lookup by IRN) and stores that.</summary>
public static class EInvoiceCancelEndpoint
{
    /// <summary>NIC's cancel reasons by code.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1"] = "duplicate",
        ["2"] = "data entry mistake",
        ["3"] = "order cancelled",
        ["4"] = "other",
    };

    /// <summary>Longest remark the portal keeps.</summary>
    public const int RemarkLengthMax = 100;

    /// <summary>Maps the endpoint for managers.</summary>
    public static void MapEInvoiceCancelEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/einvoices/{clientOrderId}/cancel", CancelAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<EInvoiceCancelRequest>("application/json").Produces<EInvoiceView>().ProducesProblem(400).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(503);

    private static async Task<IResult> CancelAsync(
        HttpContext http, HqDatabase database, TimeProvider time, [Microsoft.AspNetCore.Mvc.FromServices] IrpConnection? irp, string clientOrderId)
    {
        var (read, refusal) = await PortalBillRequest.ReadAsync(
            http, database, clientOrderId, TillSyncJsonContext.Default.EInvoiceCancelRequest, Invalid);
        if (read is not { } found)
        {
            return refusal!;
        }

        var (id, request, bill, sellerGstin) = found;
        if (bill.Status != EInvoiceStatuses.Registered || irp is null)
        {
            return Problems.Conflict(irp is null ? "HQ runs without an IRP (--irp-url); it cannot cancel e-invoices."
                : bill.Status == EInvoiceStatuses.Cancelled ? $"The e-invoice of {bill.DocNo} was cancelled at the portal on {bill.CancelledAt}."
                : $"The e-invoice of {bill.DocNo} is {bill.Status}; only a registered e-invoice can be cancelled.");
        }

        var answer = await irp.CancelAsync(sellerGstin, new CancelIrnRequest(bill.Irn, request.Reason, request.Remark.Trim()), http.RequestAborted);
        if (answer is null)
        {
            return Problems.Unavailable("The IRP did not answer: the cancellation's outcome is unknown. Send the same request again; HQ will find out.");
        }

        var cancelledAt = answer.Data?.CancelDate;
        if (cancelledAt is null && answer.HasError(IrpErrorCodes.IrnNotActive))
        {
            // Cancelled before, its answer lost: the registration says so. The portal's lookup gives no cancel time, so
            // HQ's clock stands in for it.
            var held = await irp.GetByIrnAsync(sellerGstin, bill.Irn, http.RequestAborted);
            cancelledAt = held?.Data is { Status: IrnDetails.Cancelled } ? IrpTimes.Text(time.GetUtcNow()) : null;
        }

        if (cancelledAt is null)
        {
            return Problems.Conflict($"The portal refused to cancel the e-invoice of {bill.DocNo}: "
                + answer.ErrorText("no cancellation in its answer")
                + (answer.HasError(IrpErrorCodes.ActiveEwayBill) ? ". Cancel its e-way bill first (within the e-way bill's own window), then this." : "."));
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            await StoreAsync(connection, transaction, database.LockRowSql, bill, cancelledAt, request, now, http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "einvoice.cancel",
                $"bill {bill.DocNo} (order {id}, IRN {bill.Irn}) cancelled at the portal on {cancelledAt}: {Reasons[request.Reason]}, '{request.Remark.Trim()}'",
                now, http.RequestAborted);
            var stored = (await PendingEInvoices.FindAsync(connection, transaction, id.ToString("D"), http.RequestAborted))!;
            return TypedResults.Ok(EInvoiceEndpoints.View(stored, EInvoiceEndpoints.Today(time), withSignedInvoice: false));
        });
    }

    // The cancellation, and an irn_cancelled row in the till's feed so that its reprint says so, in one transaction;
    // the till's row is locked first, as a sync batch takes it.
    private static async Task StoreAsync(
        DbConnection connection, DbTransaction transaction, string lockRowSql, EInvoiceBill bill, string cancelledAt, EInvoiceCancelRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await TillFeed.LockTillAsync(connection, transaction, bill.TillId, lockRowSql, cancellationToken);
        var updated = await connection.Command($"""
            UPDATE einvoices SET status = '{EInvoiceStatuses.Cancelled}', cancelled_at = @at, cancel_reason = @reason, cancel_remark = @remark,
                updated_at = @now
            WHERE client_order_id = @id AND status = '{EInvoiceStatuses.Registered}'
            """, transaction).With("@at", cancelledAt).With("@reason", request.Reason).With("@remark", request.Remark.Trim())
            .With("@now", StoredTime.Text(now)).With("@id", bill.ClientOrderId).ExecuteAsync(cancellationToken);
        if (updated == 1)
        {
            var feed = TillFeed.NewRows(BulkInsert.ParametersPerStatementDefault);
            feed.Add(bill.StoreId, bill.TillId, TillUpdateKinds.IrnCancelled, null, bill.ClientOrderId, bill.DocNo,
                $"E-invoice cancelled at the portal on {cancelledAt} ({Reasons[request.Reason]}): bill {bill.DocNo} is no tax invoice any more.",
                StoredTime.Text(now));
            await feed.FlushAsync(connection, transaction, cancellationToken);
        }
    }

    private static string? Invalid(EInvoiceCancelRequest request) =>
        request.Reason is null || !Reasons.ContainsKey(request.Reason)
            ? "reason must be NIC's code: 1 (duplicate), 2 (data entry mistake), 3 (order cancelled) or 4 (other)."
            : FreeText.Problem(request.Remark, "remark", 1, RemarkLengthMax);
}
