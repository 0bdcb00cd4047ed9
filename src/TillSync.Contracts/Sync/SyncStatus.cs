using System.Text.Json.Serialization;

namespace TillSync.Contracts.Sync;

/// <summary>Per-order outcome of a sync. Starts at 1 so that <c>default</c> is never a valid status.</summary>
[JsonConverter(typeof(SyncStatusConverter))]
public enum SyncStatus
{
    /// <summary>Committed now. The till may drop the order from its queue.</summary>
    [JsonStringEnumMemberName("created")] Created = 1,

    /// <summary>Committed by an earlier sync; the original result is repeated. The till may drop the order.</summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,

    /// <summary>The id is known with another owner or payload, or the sequence number was reused. Nothing changed.</summary>
    [JsonStringEnumMemberName("conflict")] Conflict,

    /// <summary>Recorded as never acceptable (see the reason); consumes the sequence number; a manager reviews it.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,

    /// <summary>Not looked at (a gap before it, or a transient failure); resend later with the same id.</summary>
    [JsonStringEnumMemberName("not_processed")] NotProcessed,
}

/// <summary>Reads and writes <see cref="SyncStatus"/> as its snake_case name only; a number on the wire is refused, so
/// <c>0</c> (never valid) or <c>99</c> cannot slip through.</summary>
public sealed class SyncStatusConverter() : JsonStringEnumConverter<SyncStatus>(namingPolicy: null, allowIntegerValues: false);
