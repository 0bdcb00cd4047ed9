namespace TillSync.Hq.Orders;

/// <summary>How an order is stored (<c>orders.status</c>): the stored strings, in one place.</summary>
public static class OrderStatuses
{
    /// <summary>A committed bill.</summary>
    public const string Committed = "committed";

    /// <summary>A recorded rejection.</summary>
    public const string Rejected = "rejected";

    /// <summary>Flags as stored: comma-separated.</summary>
    public static string FormatFlags(IReadOnlyCollection<string> flags) => string.Join(',', flags);

    /// <summary>Stored flags as a list.</summary>
    public static IReadOnlyList<string> ParseFlags(string stored) =>
        stored.Length == 0 ? [] : stored.Split(',');
}
