namespace TillSync.Irp.Authentication;

/// <summary>One signed-in session. Its token and key are secrets: <see cref="ToString"/> leaves them out.</summary>
/// <param name="AuthToken">The token the client sends in <c>AuthToken</c>.</param>
/// <param name="UserName">Who signed in.</param>
/// <param name="Gstin">The GSTIN it signed in for; its calls must carry it.</param>
/// <param name="Sek">The 32-byte session key.</param>
/// <param name="ExpiresAt">When the token stops working, on the simulator's clock.</param>
public sealed record ApiSession(string AuthToken, string UserName, string Gstin, byte[] Sek, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"session of {UserName} for {Gstin} until {ExpiresAt:O}";
}
