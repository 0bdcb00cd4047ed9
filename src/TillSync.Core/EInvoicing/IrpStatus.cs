namespace TillSync.Core.EInvoicing;

/// <summary>Values of <see cref="IrpResponse{TData}.Status"/>.</summary>
public static class IrpStatus
{
    /// <summary>The call succeeded; <c>Data</c> holds the result.</summary>
    public const int Success = 1;

    /// <summary>The call failed; <c>ErrorDetails</c> says why.</summary>
    public const int Failure = 0;
}
