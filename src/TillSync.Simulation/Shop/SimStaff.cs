using TillSync.Contracts.Staff;

namespace TillSync.Simulation.Shop;

/// <summary>The store's staff as the manager adds them at HQ (<c>POST /api/v1/staff</c>): three cashiers and a supervisor,
/// each with the PIN they type at the tills. PINs of a simulated shop only.</summary>
public static class SimStaff
{
    /// <summary>Everyone, in the order the manager adds them.</summary>
    public static IReadOnlyList<(string Name, string Role, string Pin)> Roster { get; } =
    [
        ("Asha Rao", StaffRoles.Cashier, "1111"),
        ("Vikram Singh", StaffRoles.Cashier, "3333"),
        ("Meena Iyer", StaffRoles.Cashier, "4444"),
        ("Kiran Shah", StaffRoles.Supervisor, "2222"),
    ];
}
