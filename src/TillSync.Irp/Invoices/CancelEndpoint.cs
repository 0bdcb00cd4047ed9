using TillSync.Core.EInvoicing;
using TillSync.Irp.Faults;
using TillSync.Irp.Web;

namespace TillSync.Irp.Invoices;

/// <summary><c>POST /eicore/v1.03/Invoice/Cancel</c>: cancels an IRN within 24 hours, unless an e-way bill is active.</summary>
public static class CancelEndpoint
{
    /// <summary>Longest cancel remark NIC accepts.</summary>
    public const int RemarkLengthMax = 100;

    private static readonly string[] Reasons = ["1", "2", "3", "4"];

    /// <summary>Maps the endpoint on <paramref name="nic"/>.</summary>
    public static IEndpointRouteBuilder MapCancelEndpoint(this IEndpointRouteBuilder nic)
    {
        nic.MapPost(IrpPaths.CancelIrn, CancelAsync);
        return nic;
    }

    private static async Task<IResult> CancelAsync(HttpContext http, InvoiceRegistry registry, FaultSwitches faults, CancellationToken cancellationToken)
    {
        var (gstin, request, refusal) = await NicBody.ReadRequestAsync(http.Request, IrpJsonContext.Nic.CancelIrnRequest, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request is not { Irn: not null, CnlRsn: not null, CnlRem: not null } || !Reasons.Contains(request.CnlRsn)
            || request.CnlRem.Length is 0 or > RemarkLengthMax)
        {
            return IrpReplies.Error(IrpErrorCodes.IncompleteRequest,
                $"Incomplete request parameters: send Irn, CnlRsn (1 to 4) and CnlRem (1 to {RemarkLengthMax} characters)");
        }

        var (outcome, cancelledAt) = await registry.CancelAsync(request.Irn, gstin!, request.CnlRsn, request.CnlRem, cancellationToken);
        return outcome switch
        {
            CancelOutcome.Cancelled => FaultFilter.MaybeDropReply(faults, http, IrpReplies.Ok(new CancelledIrn(request.Irn, IrpTimes.Text(cancelledAt)))),
            CancelOutcome.NotFound => IrpReplies.Error(IrpErrorCodes.IrnNotFound, "Requested IRN data is not available"),
            CancelOutcome.NotOwn => IrpReplies.Error(IrpErrorCodes.NotOwnGstin, "Invoice does not belongs to the user GSTIN"),
            CancelOutcome.NotActive => IrpReplies.Error(IrpErrorCodes.IrnNotActive, "Invoice is not active: the IRN is already cancelled"),
            CancelOutcome.WindowPassed => IrpReplies.Error(IrpErrorCodes.CancelWindowPassed,
                "The allowed cancellation time limit is crossed, you cannot cancel the IRN"),
            CancelOutcome.ActiveEwayBill => IrpReplies.Error(IrpErrorCodes.ActiveEwayBill,
                "This IRN cannot be cancelled because e-way bill has been generated"),
            _ => throw new InvalidOperationException($"Unknown cancel outcome {outcome}."),
        };
    }
}
