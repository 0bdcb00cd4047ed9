namespace TillSync.Till.Outbox;

/// <summary>Where a document stands with HQ. The queue is <see cref="Pending"/> and <see cref="Conflict"/> documents.</summary>
public static class SyncStates
{
    /// <summary>Saved on the till, not yet acknowledged by HQ.</summary>
    public const string Pending = "pending";

    /// <summary>HQ committed it (<c>created</c> or <c>duplicate</c>).</summary>
    public const string Synced = "synced";

    /// <summary>HQ recorded it as never acceptable; a manager reviews it. It has left the queue.</summary>
    public const string Rejected = "rejected";

    /// <summary>HQ refused it as a conflict; it stays in the queue and under "needs attention".</summary>
    public const string Conflict = "conflict";
}
