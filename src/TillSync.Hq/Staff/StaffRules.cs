using TillSync.Contracts.Staff;
using TillSync.Core;
using TillSync.Core.Staff;

namespace TillSync.Hq.Staff;

/// <summary>What a manager's staff record must satisfy. Problems name the field, never a PIN's value.</summary>
public static class StaffRules
{
    /// <summary>Longest staff name.</summary>
    public const int NameLengthMax = 60;

    /// <summary>The first problem with <paramref name="staff"/>, or null. <paramref name="pinRequired"/> on create.</summary>
    public static string? Problem(StaffDto staff, bool pinRequired)
    {
        if (FreeText.Problem(staff.Name, "name", 1, NameLengthMax) is { } name)
        {
            return name;
        }

        if (!StaffRoles.All.Contains(staff.Role))
        {
            return $"role must be one of {string.Join(", ", StaffRoles.All)}.";
        }

        if (staff.StoreIds.Count is 0 or > StaffDto.StoresMax || staff.StoreIds.Distinct().Count() != staff.StoreIds.Count)
        {
            return $"storeIds must name 1 to {StaffDto.StoresMax} distinct stores.";
        }

        if (staff.Pin is null)
        {
            return pinRequired ? "pin is required: " + StaffPin.Rule("pin") : null;
        }

        return StaffPin.IsWellFormed(staff.Pin) ? null : StaffPin.Rule("pin");
    }
}
