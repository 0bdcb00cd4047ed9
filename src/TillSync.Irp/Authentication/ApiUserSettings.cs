using TillSync.Core.EInvoicing;

namespace TillSync.Irp.Authentication;

/// <summary>The one API user the simulator accepts, and how long its tokens live.</summary>
/// <param name="User">Client id and secret, user name and password (<c>tillsync irp --client-id</c> …).</param>
/// <param name="TokenLifetime">How long a token lives on the simulator's clock: 1 minute to 6 hours (NIC: 360 minutes,
/// 60 on its sandbox).</param>
public sealed record ApiUserSettings(NicCredentials User, TimeSpan TokenLifetime)
{
    /// <summary>NIC's sandbox lifetime, the default.</summary>
    public static readonly TimeSpan TokenLifetimeDefault = TimeSpan.FromMinutes(60);

    /// <summary>The demo's user, the default when none is configured: not secret, for a simulator on loopback.</summary>
    public static readonly ApiUserSettings Demo = new(
        new NicCredentials("TILLSYNC-DEMO-CLIENT", "demo-client-secret", "tillsync", "demo-password"), TokenLifetimeDefault);

    /// <summary>Why these settings are unusable, or null.</summary>
    public string? Problem() =>
        User.Problem() ?? (TokenLifetime < TimeSpan.FromMinutes(1) || TokenLifetime > TimeSpan.FromHours(6)
            ? "the token lifetime must be from 1 to 360 minutes"
            : null);
}
