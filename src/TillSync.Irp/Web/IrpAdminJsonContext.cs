using System.Text.Json;
using System.Text.Json.Serialization;
using TillSync.Irp.Clock;
using TillSync.Irp.Faults;

namespace TillSync.Irp.Web;

/// <summary>Source-generated JSON for the simulator's own admin endpoints: camelCase, like TillSync's other APIs
/// (the NIC paths use NIC's PascalCase, <see cref="TillSync.Core.EInvoicing.IrpJsonContext"/>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(FaultSettings))]
[JsonSerializable(typeof(ClockAdvance))]
[JsonSerializable(typeof(ClockView))]
public sealed partial class IrpAdminJsonContext : JsonSerializerContext;
