namespace TillSync.Core.EInvoicing;

/// <summary>What an API user signs in to the portal with: the client id and secret NIC issues to the integrator, and
/// the taxpayer's API user name and password. <see cref="ToString"/> names the client and the user only: the secret
/// and the password are never written to a log, a message or an exception.</summary>
/// <param name="ClientId">The <c>client_id</c> header.</param>
/// <param name="ClientSecret">The <c>client_secret</c> header; a secret.</param>
/// <param name="UserName">The API user (NIC production prefixes it with <c>API_</c>), also sent as <c>user_name</c>.</param>
/// <param name="Password">The API user's password, sent only inside the RSA-encrypted sign-in; a secret.</param>
public sealed record NicCredentials(string ClientId, string ClientSecret, string UserName, string Password)
{
    /// <summary>The longest user name plus password: the sign-in payload must fit one RSA-2048 PKCS#1 block (245
    /// bytes) with the 44 characters of the AppKey and the field names.</summary>
    public const int UserAndPasswordBytesMax = 120;

    /// <summary>Why these credentials cannot sign in, or null.</summary>
    public string? Problem() =>
        ClientId.Length == 0 || ClientSecret.Length == 0 || UserName.Length == 0 || Password.Length == 0
            ? "the client id, client secret, user name and password must all be given"
            : System.Text.Encoding.UTF8.GetByteCount(UserName + Password) > UserAndPasswordBytesMax
                ? $"the user name and password together must be at most {UserAndPasswordBytesMax} bytes"
                : null;

    /// <inheritdoc />
    public override string ToString() => $"client {ClientId}, user {UserName} (secret and password withheld)";
}
