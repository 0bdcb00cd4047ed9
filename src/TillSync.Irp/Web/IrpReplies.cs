using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Web;

/// <summary>NIC's envelope as HTTP results. Like NIC, a business error is HTTP 200 with <c>Status</c> 0; only a
/// missing or bad header is 401.</summary>
public static class IrpReplies
{
    /// <summary>The most schema messages one reply lists.</summary>
    public const int ErrorsPerReplyMax = 50;

    /// <summary>A success carrying registration details.</summary>
    public static IResult Ok(IrnDetails details) =>
        TypedResults.Json(new IrpResponse<IrnDetails>(IrpStatus.Success, details, null, null), IrpJsonContext.Nic.IrpResponseIrnDetails);

    /// <summary>A success carrying a cancellation.</summary>
    public static IResult Ok(CancelledIrn cancelled) =>
        TypedResults.Json(new IrpResponse<CancelledIrn>(IrpStatus.Success, cancelled, null, null), IrpJsonContext.Nic.IrpResponseCancelledIrn);

    /// <summary>A success carrying an e-way bill.</summary>
    public static IResult Ok(EwayBill ewayBill) =>
        TypedResults.Json(new IrpResponse<EwayBill>(IrpStatus.Success, ewayBill, null, null), IrpJsonContext.Nic.IrpResponseEwayBill);

    /// <summary>A success carrying an e-way bill's cancellation.</summary>
    public static IResult Ok(CancelledEwayBill cancelled) =>
        TypedResults.Json(new IrpResponse<CancelledEwayBill>(IrpStatus.Success, cancelled, null, null), IrpJsonContext.Nic.IrpResponseCancelledEwayBill);

    /// <summary>A failure with one error.</summary>
    public static IResult Error(string errorCode, string errorMessage, int statusCode = StatusCodes.Status200OK) =>
        Errors([new IrpError(errorCode, errorMessage)], statusCode: statusCode);

    /// <summary>A failure with several errors (at most <see cref="ErrorsPerReplyMax"/>) and optional info.</summary>
    public static IResult Errors(IReadOnlyList<IrpError> errors, IReadOnlyList<IrpInfo>? info = null, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Json(
            new IrpResponse<IrnDetails>(IrpStatus.Failure, null, errors.Take(ErrorsPerReplyMax).ToList(), info),
            IrpJsonContext.Nic.IrpResponseIrnDetails,
            statusCode: statusCode);

    /// <summary>Error 2150 with the existing registration in <c>InfoDtls</c> (<c>DUPIRN</c>).</summary>
    public static IResult Duplicate(long ackNo, string ackDt, string irn) =>
        Errors([new IrpError(IrpErrorCodes.DuplicateIrn, "Duplicate IRN")],
            [new IrpInfo(IrpInfo.DuplicateIrnCode, new DuplicateIrn(ackNo, ackDt, irn))]);
}
