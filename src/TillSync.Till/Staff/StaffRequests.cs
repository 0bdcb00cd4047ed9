namespace TillSync.Till.Staff;

/// <summary>A login at the till (<c>POST /api/session</c>).</summary>
/// <param name="StaffId">Who is logging in, picked from the login screen's list.</param>
/// <param name="Pin">Their PIN, 4 to 6 digits.</param>
public sealed record LoginRequest(long StaffId, string Pin)
{
    /// <summary>Leaves the PIN out of any text made of this record.</summary>
    public override string ToString() => $"LoginRequest {{ StaffId = {StaffId} }}";
}

/// <summary>A supervisor's unlock of a locked staff member (<c>POST /api/staff/{id}/unlock</c>).</summary>
/// <param name="SupervisorId">The supervisor or manager unlocking.</param>
/// <param name="Pin">Their own PIN.</param>
public sealed record UnlockRequest(long SupervisorId, string Pin)
{
    /// <summary>Leaves the PIN out of any text made of this record.</summary>
    public override string ToString() => $"UnlockRequest {{ SupervisorId = {SupervisorId} }}";
}

/// <summary>Who is logged in at this till (<c>GET /api/session</c>).</summary>
/// <param name="Cashier">The logged-in staff member, or null when the till is locked.</param>
/// <param name="IdleLockSeconds">After how long without work the till locks.</param>
public sealed record SessionView(Cashier? Cashier, int IdleLockSeconds);
