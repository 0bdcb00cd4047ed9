namespace TillSync.Core.EInvoicing;

/// <summary>One entry of <c>ErrorDetails</c>.</summary>
/// <param name="ErrorCode">NIC's code as text, e.g. "2150" (see <see cref="IrpErrorCodes"/>).</param>
/// <param name="ErrorMessage">Human-readable message.</param>
public sealed record IrpError(string ErrorCode, string ErrorMessage);
