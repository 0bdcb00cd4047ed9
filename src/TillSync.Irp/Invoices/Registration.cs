using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Invoices;

/// <summary>One registered document as stored, with its e-way bill when it has one.</summary>
/// <param name="Irn">The IRN.</param>
/// <param name="AckNo">The 15-digit acknowledgement number.</param>
/// <param name="AckAt">When it was registered.</param>
/// <param name="SellerGstin">Whose document it is.</param>
/// <param name="Status"><see cref="IrnDetails.Active"/> or <see cref="IrnDetails.Cancelled"/>.</param>
/// <param name="SignedInvoice">The signed invoice, as first answered.</param>
/// <param name="SignedQrCode">The signed QR code, as first answered.</param>
/// <param name="EwbNo">The active e-way bill's number, or null (none, or cancelled).</param>
/// <param name="EwbAt">When the e-way bill was generated, or null.</param>
/// <param name="EwbValidUntil">Until when it is valid, or null.</param>
/// <param name="DocDate">The document date as sent, <c>dd/MM/yyyy</c>.</param>
public sealed record Registration(
    string Irn, long AckNo, DateTimeOffset AckAt, string SellerGstin, string Status, string SignedInvoice, string SignedQrCode,
    long? EwbNo, DateTimeOffset? EwbAt, DateTimeOffset? EwbValidUntil, string DocDate)
{
    /// <summary>What the NIC API answers for it.</summary>
    public IrnDetails ToDetails() =>
        new(AckNo, IrpTimes.Text(AckAt), Irn, SignedInvoice, SignedQrCode, Status, EwbNo,
            EwbAt is { } at ? IrpTimes.Text(at) : null, EwbValidUntil is { } until ? IrpTimes.Text(until) : null);
}
