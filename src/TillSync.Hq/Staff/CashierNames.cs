using System.Globalization;
using TillSync.Contracts.Staff;

namespace TillSync.Hq.Staff;

/// <summary>How HQ names the cashier of a document on its pages and in its answers.</summary>
public static class CashierNames
{
    /// <summary>The staff member's name; <c>unknown cashier</c> for a document from a till before staff; <c>staff N</c>
    /// for an id HQ has no staff member for (a till's snapshot cannot name one, so this only shows a damaged record).</summary>
    public static string Of(long? cashierId, string? name) => cashierId switch
    {
        null => StaffRoles.UnknownCashier,
        { } id => name ?? string.Create(CultureInfo.InvariantCulture, $"staff {id}"),
    };
}
