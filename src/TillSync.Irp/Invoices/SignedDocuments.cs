using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Signing;

namespace TillSync.Irp.Invoices;

/// <summary>What the IRP signs when it registers a document: the invoice as sent plus Irn, AckNo and AckDt, and the
/// QR code's claims (NIC's field list).</summary>
public static class SignedDocuments
{
    /// <summary>The signed invoice: the request body with the acknowledgement added.</summary>
    public static string Invoice(SigningKey key, JsonObject body, string irn, long ackNo, DateTimeOffset ackAt)
    {
        var data = body.DeepClone().AsObject();
        data["Irn"] = irn;
        data["AckNo"] = ackNo;
        data["AckDt"] = IrpTimes.Text(ackAt);
        return key.Sign(data.ToJsonString());
    }

    /// <summary>The signed QR code of a registration.</summary>
    public static string QrCode(SigningKey key, EInvoicePayload payload, string irn, DateTimeOffset ackAt) =>
        key.Sign(JsonSerializer.Serialize(Claims(payload, irn, ackAt), IrpJsonContext.Nic.QrCodeClaims));

    /// <summary>The QR code's claims; the main HSN code is that of the item with the largest assessable amount.</summary>
    public static QrCodeClaims Claims(EInvoicePayload payload, string irn, DateTimeOffset ackAt) =>
        new(
            payload.Seller.Gstin,
            payload.Buyer.Gstin,
            payload.Document.Number,
            payload.Document.Type,
            payload.Document.Date,
            payload.Values.TotalInvoiceValue,
            payload.Items.Count,
            payload.Items.MaxBy(i => i.AssessableAmount)!.HsnCode,
            irn,
            IrpTimes.Text(ackAt));
}
