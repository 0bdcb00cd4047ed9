using System.Text.Json;
using System.Text.Json.Serialization;

namespace TillSync.Till.Peers;

/// <summary>JSON of the peer exchange between the tills of a store, as strict as the wire contract.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PeerHeads))]
[JsonSerializable(typeof(PeerPage))]
[JsonSerializable(typeof(PeerStatusView))]
public sealed partial class PeerJsonContext : JsonSerializerContext;
