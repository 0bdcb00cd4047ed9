namespace TillSync.Contracts.Staff;

/// <summary>A staff member as a manager writes them (<c>POST /api/v1/staff</c>, <c>PUT /api/v1/staff/{id}</c>;
/// docs/shifts.md).</summary>
/// <param name="Name">Name shown on the till and on reports, 1 to 60 printable characters.</param>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
/// <param name="StoreIds">The stores whose tills they may log in to; 1 to <see cref="StoresMax"/> distinct store ids.</param>
/// <param name="Pin">Their till PIN, 4 to 6 digits; required to create, optional to update (null keeps the PIN). HQ keeps
/// only a salted slow hash and never answers or logs it.</param>
/// <param name="Active">False stops them logging in at any till from its next snapshot; default true.</param>
public sealed record StaffDto(string Name, string Role, IReadOnlyList<long> StoreIds, string? Pin = null, bool Active = true)
{
    /// <summary>Stores one staff member may belong to.</summary>
    public const int StoresMax = 100;

    /// <summary>Leaves the PIN out of any text made of this record (logs, exceptions).</summary>
    public override string ToString() =>
        $"StaffDto {{ Name = {Name}, Role = {Role}, StoreIds = [{string.Join(", ", StoreIds)}], Pin = {(Pin is null ? "(unchanged)" : "(set)")}, Active = {Active} }}";
}

/// <summary>A staff member as HQ answers them: never their PIN or its hash.</summary>
/// <param name="StaffId">HQ's id; every till document names its cashier by it.</param>
/// <param name="Name">Name.</param>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
/// <param name="StoreIds">Their stores, ascending.</param>
/// <param name="Active">False when they may no longer log in.</param>
/// <param name="PinSetAt">When their PIN was last set.</param>
public sealed record StaffView(long StaffId, string Name, string Role, IReadOnlyList<long> StoreIds, bool Active, DateTimeOffset PinSetAt);

/// <summary>Who may do what at a till.</summary>
public static class StaffRoles
{
    /// <summary>Sells, refunds, opens and closes their shift.</summary>
    public const string Cashier = "cashier";

    /// <summary>A cashier who may also unlock a locked cashier.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>A supervisor of the store; at the till the same rights.</summary>
    public const string Manager = "manager";

    /// <summary>What reports and pages show for a document from a till before staff, which names no cashier.</summary>
    public const string UnknownCashier = "unknown cashier";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Cashier, Supervisor, Manager];

    /// <summary>True for a role that may unlock a cashier locked by wrong PINs.</summary>
    public static bool MayUnlock(string role) => role is Supervisor or Manager;
}

/// <summary>One active staff member of the till's store in its snapshot: enough to check a PIN offline.</summary>
/// <param name="StaffId">HQ's id.</param>
/// <param name="Name">Name.</param>
/// <param name="Role">One of <see cref="StaffRoles"/>.</param>
/// <param name="PinHash">PBKDF2-HMAC-SHA256 of the PIN, base64, 32 bytes.</param>
/// <param name="PinSalt">Its salt, base64, 16 bytes.</param>
/// <param name="PinIterations">Its iteration count.</param>
public sealed record SnapshotStaff(long StaffId, string Name, string Role, string PinHash, string PinSalt, int PinIterations);
