// How an HQ under test reaches a simulator: its URL, the API user it signs in as and the simulator's public key file,
// passed as the environment twins of HQ's --irp-* options so that no secret shows on a command line.
using TillSync.Core.EInvoicing;

namespace TillSync.Testing;

/// <summary>An IRP and how to sign in to it.</summary>
/// <param name="Url">The portal's address (<c>--irp-url</c>).</param>
/// <param name="Credentials">The API user (<c>--irp-client-id</c>, <c>--irp-client-secret</c>, <c>--irp-user</c>, <c>--irp-password</c>).</param>
/// <param name="PublicKeyFile">The portal's sign-in key (<c>--irp-public-key-file</c>).</param>
/// <param name="UsersFile">The per-GSTIN API users (<c>--irp-users-file</c>, <see cref="WriteUsersFile"/>), or null.</param>
public sealed record IrpAccess(Uri Url, NicCredentials Credentials, string PublicKeyFile, string? UsersFile = null)
{
    /// <summary>The environment variables that give all of it to <c>tillsync hq</c> (and the same names to <c>tillsync irp</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TILLSYNC_IRP_URL"] = Url.ToString(),
        ["TILLSYNC_IRP_CLIENT_ID"] = Credentials.ClientId,
        ["TILLSYNC_IRP_CLIENT_SECRET"] = Credentials.ClientSecret,
        ["TILLSYNC_IRP_USER"] = Credentials.UserName,
        ["TILLSYNC_IRP_PASSWORD"] = Credentials.Password,
        ["TILLSYNC_IRP_PUBLIC_KEY_FILE"] = PublicKeyFile,
        ["TILLSYNC_IRP_USERS_FILE"] = UsersFile ?? "",
    };

    /// <summary>Writes <paramref name="users"/> as an <c>--irp-users-file</c> (owner-only) into <paramref name="directory"/>
    /// and returns its path.</summary>
    public static string WriteUsersFile(string directory, IEnumerable<NicApiUser> users)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "irp-users.json");
        var json = new System.Text.Json.Nodes.JsonArray([.. users.Select(u => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["gstin"] = u.Gstin, ["user"] = u.UserName, ["password"] = u.Password,
        })]);
        TillSync.Storage.OwnerOnly.WriteAllText(path, json.ToJsonString());
        return path;
    }

    /// <summary>Credentials no one else uses: the secret and the password are random, so a test can look for them in logs.</summary>
    public static NicCredentials NewCredentials() => new(
        "TESTCLIENT" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)),
        "secret-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        "tillsync-tests",
        "pw-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}
