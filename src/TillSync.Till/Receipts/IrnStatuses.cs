namespace TillSync.Till.Receipts;

/// <summary>Values of <see cref="IrnInfo.Status"/>.</summary>
public static class IrnStatuses
{
    /// <summary>A B2C bill: no e-invoice.</summary>
    public const string NotApplicable = "not_applicable";

    /// <summary>A B2B bill HQ has not yet registered (or the till has not yet heard).</summary>
    public const string Pending = "pending";

    /// <summary>HQ parked the e-invoice for a manager.</summary>
    public const string NeedsAttention = "needs_attention";

    /// <summary>The IRP registered it.</summary>
    public const string Registered = "registered";

    /// <summary>Registered, then cancelled at the portal by a manager at HQ: the bill is no tax invoice any more.</summary>
    public const string Cancelled = "cancelled";
}
