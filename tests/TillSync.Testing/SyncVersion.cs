// Which sync endpoint a test till speaks: v1 (orders) or v2 (documents, ADR 0007). The contract suite runs once per
// version, so that a sale document through v2 is held to everything an order through v1 is.
namespace TillSync.Testing;

/// <summary>The sync contract version a <see cref="TillClient"/> uses.</summary>
public enum SyncVersion
{
    /// <summary><c>POST /api/v1/sync</c> with <c>{ orders }</c>.</summary>
    V1 = 1,

    /// <summary><c>POST /api/v2/sync</c> with <c>{ documents }</c>, each order sent as a sale document.</summary>
    V2,
}
