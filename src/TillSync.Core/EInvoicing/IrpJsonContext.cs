using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>Source-generated JSON for the IRP's requests and responses: NIC's PascalCase names (the C# names), and
/// null fields written as null, as NIC's envelope does (<c>"Data": null</c>).</summary>
[JsonSourceGenerationOptions(
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(IrpResponse<IrnDetails>))]
[JsonSerializable(typeof(IrpResponse<CancelledIrn>))]
[JsonSerializable(typeof(IrpResponse<EwayBill>))]
[JsonSerializable(typeof(CancelIrnRequest))]
[JsonSerializable(typeof(EwayBillRequest))]
[JsonSerializable(typeof(QrCodeClaims))]
[JsonSerializable(typeof(SignedContent))]
[JsonSerializable(typeof(JwsHeader))]
[JsonSerializable(typeof(JwkSet))]
public sealed partial class IrpJsonContext : JsonSerializerContext;
