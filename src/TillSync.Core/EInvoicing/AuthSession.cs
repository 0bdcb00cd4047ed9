namespace TillSync.Core.EInvoicing;

/// <summary>The sign-in's answer (<c>Data</c> of <see cref="IrpResponse{TData}"/>, not encrypted).</summary>
/// <param name="ClientId">The client id signed in.</param>
/// <param name="UserName">The user signed in.</param>
/// <param name="AuthToken">The token every later call carries in the <c>AuthToken</c> header.</param>
/// <param name="Sek">The session key, AES-256-ECB encrypted with the AppKey, base64.</param>
/// <param name="TokenExpiry">When the token expires, IST <c>yyyy-MM-dd HH:mm:ss</c>.</param>
public sealed record AuthSession(string ClientId, string UserName, string AuthToken, string Sek, string TokenExpiry)
{
    /// <inheritdoc />
    public override string ToString() => $"session of {UserName} until {TokenExpiry} (token and key withheld)";
}
