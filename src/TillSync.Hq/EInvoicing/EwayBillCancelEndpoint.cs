using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary><c>POST /api/v1/einvoices/{clientOrderId}/eway-bill/cancel</c>: a manager cancels a bill's e-way bill at the
/// portal within 24 hours of its generation (docs/einvoice.md, "E-way bills"), after which the bill's e-invoice can be
/// cancelled. As with the e-invoice's cancel (<see cref="EInvoiceCancelEndpoint"/>), the portal decides and HQ passes a
/// refusal on with its code; HQ asks outside any transaction, and when the answer is lost, the same request again is
/// refused as cancelled already (312), the IRN's registration then shows no active e-way bill, and HQ stores that.</summary>
public static class EwayBillCancelEndpoint
{
    /// <summary>NIC's e-way bill cancel reasons by code (not the e-invoice cancel's order: 2 and 3 are swapped).</summary>
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1"] = "duplicate",
        ["2"] = "order cancelled",
        ["3"] = "data entry mistake",
        ["4"] = "others",
    };

    /// <summary>Longest remark the portal keeps (<c>cancelRmrk</c>).</summary>
    public const int RemarkLengthMax = 50;

    /// <summary>Maps the endpoint for managers.</summary>
    public static void MapEwayBillCancelEndpoint(this IEndpointRouteBuilder api) =>
        api.MapPost("/einvoices/{clientOrderId}/eway-bill/cancel", CancelAsync).RequireManager().RequireIdempotencyKey()
            .Accepts<EwayBillCancelRequest>("application/json").Produces<EInvoiceView>().ProducesProblem(400).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(503);

    private static async Task<IResult> CancelAsync(
        HttpContext http, HqDatabase database, TimeProvider time, [Microsoft.AspNetCore.Mvc.FromServices] IrpConnection? irp, string clientOrderId)
    {
        var (read, refusal) = await PortalBillRequest.ReadAsync(
            http, database, clientOrderId, TillSyncJsonContext.Default.EwayBillCancelRequest, Invalid);
        if (read is not { } found)
        {
            return refusal!;
        }

        var (id, request, bill, sellerGstin) = found;
        if (!bill.HasActiveEwayBill || irp is null)
        {
            return Problems.Conflict(irp is null ? "HQ runs without an IRP (--irp-url); it cannot cancel e-way bills."
                : bill.EwbNo is null ? $"Bill {bill.DocNo} has no e-way bill to cancel."
                : $"E-way bill {bill.EwbNo} of bill {bill.DocNo} was cancelled at the portal on {bill.EwbCancelledAt}.");
        }

        var ewbNo = bill.EwbNo!.Value;
        var remark = request.Remark.Trim();
        var answer = await irp.CancelEwayBillAsync(
            sellerGstin, new CancelEwayBillRequest(ewbNo, int.Parse(request.Reason, System.Globalization.CultureInfo.InvariantCulture), remark),
            http.RequestAborted);
        if (answer is null)
        {
            return Problems.Unavailable("The IRP did not answer: the e-way bill cancellation's outcome is unknown. Send the same request again; HQ will find out.");
        }

        var cancelledAt = answer.Data?.CancelDate;
        if (cancelledAt is null && answer.HasError(IrpErrorCodes.EwayBillNotCancellable))
        {
            // Cancelled before, its answer lost: the IRN's registration no longer carries it as active. The lookup gives
            // no cancel time, so HQ's clock stands in for it, as for a lost e-invoice cancel.
            var held = await irp.GetByIrnAsync(sellerGstin, bill.Irn, http.RequestAborted);
            if (held is null)
            {
                // The lookup went unanswered: the cancel may well have happened (a first copy of it, or a lost answer), so
                // its outcome is unknown, not refused.
                return Problems.Unavailable("The IRP did not answer the lookup of the e-way bill: its cancellation's outcome is unknown. Send the same request again; HQ will find out.");
            }

            cancelledAt = held.Data is { } details && details.EwbNo != ewbNo ? IrpTimes.Text(time.GetUtcNow()) : null;
        }

        if (cancelledAt is null)
        {
            return Problems.Conflict($"The portal refused to cancel e-way bill {ewbNo} of bill {bill.DocNo}: {answer.ErrorText("no cancellation in its answer")}.");
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            await connection.Command("""
                UPDATE einvoices SET ewb_cancelled_at = @at, ewb_cancel_reason = @reason, ewb_cancel_remark = @remark, updated_at = @now
                WHERE client_order_id = @id AND ewb_no = @ewbNo AND ewb_cancelled_at IS NULL
                """, transaction).With("@at", cancelledAt).With("@reason", request.Reason).With("@remark", remark)
                .With("@now", StoredTime.Text(now)).With("@id", bill.ClientOrderId).With("@ewbNo", ewbNo).ExecuteAsync(http.RequestAborted);
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "einvoice.eway_bill_cancel",
                $"e-way bill {ewbNo} of bill {bill.DocNo} (order {id}, IRN {bill.Irn}) cancelled at the portal on {cancelledAt}: {Reasons[request.Reason]}, '{remark}'",
                now, http.RequestAborted);
            var stored = (await PendingEInvoices.FindAsync(connection, transaction, id.ToString("D"), http.RequestAborted))!;
            return TypedResults.Ok(EInvoiceEndpoints.View(stored, EInvoiceEndpoints.Today(time), withSignedInvoice: false));
        });
    }

    private static string? Invalid(EwayBillCancelRequest request) =>
        request.Reason is null || !Reasons.ContainsKey(request.Reason)
            ? "reason must be NIC's e-way bill code: 1 (duplicate), 2 (order cancelled), 3 (data entry mistake) or 4 (others)."
            : FreeText.Problem(request.Remark, "remark", 1, RemarkLengthMax);
}
