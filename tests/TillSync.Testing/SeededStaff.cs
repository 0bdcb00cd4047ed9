// The staff every test shop has at HQ (HqScenario, the browser harness's shop): a cashier whom the harnesses log in
// before they record documents on a till, and a supervisor who can unlock them. Their PINs are known to the tests only.
using TillSync.Contracts.Staff;

namespace TillSync.Testing;

/// <summary>The test shop's staff.</summary>
public static class SeededStaff
{
    /// <summary>The cashier the harnesses log in.</summary>
    public static StaffDto Cashier { get; } = new("Test Cashier", StaffRoles.Cashier, [1], Pin: "275194");

    /// <summary>A second cashier, for switches of cashier mid-shift.</summary>
    public static StaffDto OtherCashier { get; } = new("Other Cashier", StaffRoles.Cashier, [1], Pin: "8316");

    /// <summary>A supervisor, who may unlock a locked cashier.</summary>
    public static StaffDto Supervisor { get; } = new("Test Supervisor", StaffRoles.Supervisor, [1], Pin: "640528");

    /// <summary>All of them, in the order a shop adds them.</summary>
    public static IReadOnlyList<StaffDto> All { get; } = [Cashier, OtherCashier, Supervisor];
}
