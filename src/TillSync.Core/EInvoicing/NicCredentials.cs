namespace TillSync.Core.EInvoicing;

/// <summary>What an API user signs in to the portal with: the client id and secret NIC issues to the integrator, and
/// the taxpayer's API user name and password. <see cref="ToString"/> names the client and the user only: the secret
/// and the password are never written to a log, a message or an exception.</summary>
/// <param name="ClientId">The <c>client_id</c> header.</param>
/// <param name="ClientSecret">The <c>client_secret</c> header; a secret.</param>
/// <param name="UserName">The API user (NIC production prefixes it with <c>API_</c>), also sent as <c>user_name</c>.</param>
/// <param name="Password">The API user's password, sent only inside the RSA-encrypted sign-in; a secret.</param>
/// <param name="GstinUsers">The API users made for particular GSTINs (NIC issues an API user per GSTIN: a chain with
/// stores in several states has one for each), from <c>--irp-users-file</c>; any other GSTIN signs in as
/// <paramref name="UserName"/>.</param>
public sealed record NicCredentials(string ClientId, string ClientSecret, string UserName, string Password, IReadOnlyList<NicApiUser>? GstinUsers = null)
{
    /// <summary>The longest user name plus password: the sign-in payload must fit one RSA-2048 PKCS#1 block (245
    /// bytes) with the 44 characters of the AppKey and the field names.</summary>
    public const int UserAndPasswordBytesMax = 120;

    /// <summary>The user name and password that sign in as <paramref name="gstin"/>: its own API user if one is listed,
    /// else the default one.</summary>
    public (string UserName, string Password) UserFor(string gstin) =>
        GstinUsers?.FirstOrDefault(u => u.Gstin == gstin) is { } own ? (own.UserName, own.Password) : (UserName, Password);

    /// <summary>Why these credentials cannot sign in, or null.</summary>
    public string? Problem() =>
        ClientId.Length == 0 || ClientSecret.Length == 0 || UserName.Length == 0 || Password.Length == 0
            ? "the client id, client secret, user name and password must all be given"
            : UserProblem(UserName, Password) ?? GstinUsers?.Select(u => UserProblem(u.UserName, u.Password) is { } p ? $"{u.Gstin}'s user: {p}" : null)
                .FirstOrDefault(p => p is not null);

    /// <summary>Why a user name and password cannot sign in, or null.</summary>
    public static string? UserProblem(string userName, string password) =>
        userName.Length == 0 || password.Length == 0
            ? "the user name and password must both be given"
            : System.Text.Encoding.UTF8.GetByteCount(userName + password) > UserAndPasswordBytesMax
                ? $"the user name and password together must be at most {UserAndPasswordBytesMax} bytes"
                : null;

    /// <inheritdoc />
    public override string ToString() =>
        $"client {ClientId}, user {UserName}{(GstinUsers is { Count: > 0 } users ? $" and {users.Count} GSTINs' own users" : "")} (secret and passwords withheld)";
}
