namespace TillSync.Core.EInvoicing;

/// <summary>NIC's response envelope, the same for every IRP call: <c>Status</c> 1 with <c>Data</c>, or 0 with
/// <c>ErrorDetails</c> (and, for a duplicate, the existing registration in <c>InfoDtls</c>). Every field is always
/// written, null when it does not apply, as NIC does.</summary>
/// <typeparam name="TData">What a success carries: <see cref="IrnDetails"/>, <see cref="CancelledIrn"/> or <see cref="EwayBill"/>.</typeparam>
/// <param name="Status"><see cref="IrpStatus.Success"/> (1) or <see cref="IrpStatus.Failure"/> (0).</param>
/// <param name="Data">The result on success, else null.</param>
/// <param name="ErrorDetails">Why it failed (one or more), else null.</param>
/// <param name="InfoDtls">Extra information: <c>DUPIRN</c> with the existing registration on error 2150.</param>
public sealed record IrpResponse<TData>(
    int Status, TData? Data, IReadOnlyList<IrpError>? ErrorDetails, IReadOnlyList<IrpInfo>? InfoDtls)
    where TData : class
{
    /// <summary>True when one of the errors has <paramref name="errorCode"/>.</summary>
    public bool HasError(string errorCode) => ErrorDetails?.Any(e => e.ErrorCode == errorCode) == true;

    /// <summary>The errors as "code message; …" for a manager to read, or <paramref name="whenNone"/>.</summary>
    public string ErrorText(string whenNone) =>
        ErrorDetails is { Count: > 0 } errors ? string.Join("; ", errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}")) : whenNone;
}
