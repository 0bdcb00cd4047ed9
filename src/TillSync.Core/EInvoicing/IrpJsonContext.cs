using System.Text.Encodings.Web;
using System.Text.Json;
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
[JsonSerializable(typeof(IrpResponse<CancelledEwayBill>))]
[JsonSerializable(typeof(IrpResponse<AuthSession>))]
[JsonSerializable(typeof(AuthRequest))]
[JsonSerializable(typeof(NicRequestBody))]
[JsonSerializable(typeof(CancelIrnRequest))]
[JsonSerializable(typeof(EwayBillRequest))]
[JsonSerializable(typeof(CancelEwayBillRequest))]
[JsonSerializable(typeof(QrCodeClaims))]
[JsonSerializable(typeof(SignedContent))]
[JsonSerializable(typeof(JwsHeader))]
[JsonSerializable(typeof(JwkSet))]
public sealed partial class IrpJsonContext : JsonSerializerContext
{
    /// <summary>The same types, writing quotes inside strings as <c>\"</c> (not <c>\u0022</c>), as NIC does in the
    /// <c>data</c> claim and in messages. Only ever written into JSON, never into HTML.</summary>
    public static IrpJsonContext Nic => LazyInitializer.EnsureInitialized(ref nic, CreateNic);

    // Lazy, not a static initializer: the generated half of this class initialises Default, and the order in which
    // the two halves' static initializers run is not defined.
    private static IrpJsonContext? nic;

    private static IrpJsonContext CreateNic() =>
        new(new JsonSerializerOptions(Default.GeneratedSerializerOptions!) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
