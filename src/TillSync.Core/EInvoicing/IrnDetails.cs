namespace TillSync.Core.EInvoicing;

/// <summary><c>Data</c> of generate IRN, get by IRN and get by document details.</summary>
/// <param name="AckNo">15-digit acknowledgement number, increasing in registration order.</param>
/// <param name="AckDt">Acknowledgement time, IST, <c>yyyy-MM-dd HH:mm:ss</c>.</param>
/// <param name="Irn">The IRN (64 lowercase hex digits).</param>
/// <param name="SignedInvoice">RS256 compact JWS whose <c>data</c> claim is the invoice JSON with AckNo, AckDt and Irn.</param>
/// <param name="SignedQRCode">RS256 compact JWS whose <c>data</c> claim is <see cref="QrCodeClaims"/> as JSON.</param>
/// <param name="Status"><c>ACT</c> active or <c>CNL</c> cancelled.</param>
/// <param name="EwbNo">E-way bill number when one was generated with the IRN, else null.</param>
/// <param name="EwbDt">E-way bill time, IST, else null.</param>
/// <param name="EwbValidTill">E-way bill validity end, IST, else null.</param>
public sealed record IrnDetails(
    long AckNo, string AckDt, string Irn, string SignedInvoice, string SignedQRCode, string Status,
    long? EwbNo, string? EwbDt, string? EwbValidTill)
{
    /// <summary><see cref="Status"/> of an active registration.</summary>
    public const string Active = "ACT";

    /// <summary><see cref="Status"/> of a cancelled registration.</summary>
    public const string Cancelled = "CNL";
}
