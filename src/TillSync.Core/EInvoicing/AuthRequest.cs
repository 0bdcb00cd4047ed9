namespace TillSync.Core.EInvoicing;

/// <summary>The sign-in payload, encrypted whole with the portal's public key into the request's <c>Data</c>.</summary>
/// <param name="UserName">The API user.</param>
/// <param name="Password">Its password.</param>
/// <param name="AppKey">Base64 of 32 random bytes, new for each sign-in: the portal returns the SEK encrypted with it.</param>
/// <param name="ForceRefreshAccessToken">True to be given a new token while the current one is still valid.</param>
public sealed record AuthRequest(string UserName, string Password, string AppKey, bool ForceRefreshAccessToken)
{
    /// <inheritdoc />
    public override string ToString() => $"sign-in of {UserName} (password and AppKey withheld)";
}
