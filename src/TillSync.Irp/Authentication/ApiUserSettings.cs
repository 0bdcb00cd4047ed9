using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Authentication;

/// <summary>The API users the simulator accepts — one for every GSTIN, or besides it one per GSTIN listed in
/// <c>--users-file</c>, as NIC makes them — and how long their tokens live.</summary>
/// <param name="User">Client id and secret, user name and password (<c>tillsync irp --client-id</c> …), and the
/// per-GSTIN users.</param>
/// <param name="TokenLifetime">How long a token lives on the simulator's clock: 1 minute to 6 hours (NIC: 360 minutes,
/// 60 on its sandbox).</param>
public sealed record ApiUserSettings(NicCredentials User, TimeSpan TokenLifetime)
{
    /// <summary>NIC's sandbox lifetime, the default.</summary>
    public static readonly TimeSpan TokenLifetimeDefault = TimeSpan.FromMinutes(60);

    /// <summary>The demo's user, the default when none is configured: not secret, for a simulator on loopback.</summary>
    public static readonly ApiUserSettings Demo = new(
        new NicCredentials("TILLSYNC-DEMO-CLIENT", "demo-client-secret", "tillsync", "demo-password"), TokenLifetimeDefault);

    /// <summary>True when <paramref name="userName"/> is one of the users (the default or a GSTIN's own).</summary>
    public bool IsUser(string userName) => userName == User.UserName || User.GstinUsers?.Any(u => u.UserName == userName) == true;

    /// <summary>Why these settings are unusable, or null.</summary>
    public string? Problem() =>
        User.Problem() ?? (TokenLifetime < TimeSpan.FromMinutes(1) || TokenLifetime > TimeSpan.FromHours(6)
            ? "the token lifetime must be from 1 to 360 minutes"
            : null);
}
