using TillSync.Core.EInvoicing;
using TillSync.Irp.Faults;
using TillSync.Irp.Web;

namespace TillSync.Irp.EwayBills;

/// <summary><c>POST /eiewb/v1.03/ewaybill</c>: generates the e-way bill of a registered, active IRN.</summary>
public static class EwayBillEndpoint
{
    /// <summary>Longest distance NIC accepts, in km.</summary>
    public const int DistanceKmMax = 4000;

    /// <summary>Maps the endpoint on <paramref name="nic"/>.</summary>
    public static IEndpointRouteBuilder MapEwayBillEndpoint(this IEndpointRouteBuilder nic)
    {
        nic.MapPost(IrpPaths.EwayBillByIrn, GenerateAsync);
        return nic;
    }

    private static async Task<IResult> GenerateAsync(HttpContext http, EwayBillRegistry registry, FaultSwitches faults, CancellationToken cancellationToken)
    {
        var (gstin, request, refusal) = await NicBody.ReadRequestAsync(http.Request, IrpJsonContext.Nic.EwayBillRequest, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request is not { Irn: not null } || request.Distance is < 0 or > DistanceKmMax
            || request.TransMode is not (null or "1" or "2" or "3" or "4"))
        {
            return IrpReplies.Error(IrpErrorCodes.IncompleteRequest,
                $"Incomplete request parameters: send Irn, Distance (0 to {DistanceKmMax}) and optionally TransMode (1 to 4), TransId, TransName, VehNo, VehType");
        }

        var (outcome, registration) = await registry.GenerateAsync(request, gstin!, cancellationToken);
        return outcome switch
        {
            EwayBillOutcome.Generated => FaultFilter.MaybeDropReply(faults, http, IrpReplies.Ok(
                new EwayBill(registration!.EwbNo!.Value, IrpTimes.Text(registration.EwbAt!.Value), IrpTimes.Text(registration.EwbValidUntil!.Value)))),
            EwayBillOutcome.NotFound => IrpReplies.Error(IrpErrorCodes.IrnNotFound, "Requested IRN data is not available"),
            EwayBillOutcome.NotOwn => IrpReplies.Error(IrpErrorCodes.NotOwnGstin, "Invoice does not belongs to the user GSTIN"),
            EwayBillOutcome.NotActive => IrpReplies.Error(IrpErrorCodes.IrnNotActive, "Invoice is not active: the IRN is cancelled"),
            EwayBillOutcome.AlreadyExists => IrpReplies.Error(IrpErrorCodes.EwayBillExists,
                "E-way bill is already generated for this IRN: " + registration!.EwbNo),
            _ => throw new InvalidOperationException($"Unknown e-way bill outcome {outcome}."),
        };
    }
}
