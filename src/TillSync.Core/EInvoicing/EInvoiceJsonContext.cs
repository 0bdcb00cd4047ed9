using System.Text.Json.Serialization;

namespace TillSync.Core.EInvoicing;

/// <summary>Source-generated JSON for the e-invoice payload: NIC's PascalCase names (set on each property), absent
/// optional fields omitted rather than written as null, as the schema wants.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EInvoicePayload))]
public sealed partial class EInvoiceJsonContext : JsonSerializerContext;
