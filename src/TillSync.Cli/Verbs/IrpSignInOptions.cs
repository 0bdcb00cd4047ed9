using System.CommandLine;
using TillSync.Core.EInvoicing;

namespace TillSync.Cli.Verbs;

/// <summary>HQ's IRP sign-in options (docs/einvoice.md, "Pointing HQ at a portal"): the client id and secret NIC
/// issues, the API user and password, and the portal's public key file. The secret and the password are
/// <see cref="SecretOption"/>s: from a file or the environment, never needing the command line.</summary>
/// <param name="ClientId"><c>--irp-client-id</c>.</param>
/// <param name="ClientSecret"><c>--irp-client-secret</c> / <c>-file</c>.</param>
/// <param name="User"><c>--irp-user</c>.</param>
/// <param name="Password"><c>--irp-password</c> / <c>-file</c>.</param>
/// <param name="PublicKeyFile"><c>--irp-public-key-file</c>.</param>
/// <param name="UsersFile"><c>--irp-users-file</c>: the API users NIC made per GSTIN (<see cref="IrpUsersFile"/>).</param>
public sealed record IrpSignInOptions(
    Option<string> ClientId, SecretOption ClientSecret, Option<string> User, SecretOption Password, Option<string> PublicKeyFile, Option<string> UsersFile)
{
    /// <summary>The six options.</summary>
    public static IrpSignInOptions Create() => new(
        EnvOption.Text("--irp-client-id", "TILLSYNC_IRP_CLIENT_ID", "", "The client id the e-invoice portal issued (its client_id header); needed with --irp-url."),
        EnvOption.Secret("--irp-client-secret", "TILLSYNC_IRP_CLIENT_SECRET", "The client secret the e-invoice portal issued; needed with --irp-url."),
        EnvOption.Text("--irp-user", "TILLSYNC_IRP_USER", "", "The e-invoice API user (NIC production: API_…); needed with --irp-url."),
        EnvOption.Secret("--irp-password", "TILLSYNC_IRP_PASSWORD", "The e-invoice API user's password; needed with --irp-url."),
        EnvOption.Text("--irp-public-key-file", "TILLSYNC_IRP_PUBLIC_KEY_FILE", "",
            "The portal's public key for the sign-in, PEM or base64 (NIC's sandbox or production key file; `tillsync irp` writes irp-auth-public.pem in its data dir); needed with --irp-url."),
        IrpUsersFile.Option("--irp-users-file", "TILLSYNC_IRP_USERS_FILE"));

    /// <summary>The credentials and the key file, or a sentence saying what is missing or wrong.</summary>
    public (NicCredentials? Credentials, string? PublicKeyFile, string? Problem) Read(ParseResult parse)
    {
        var (secret, secretProblem) = ClientSecret.Read(parse, Console.Error);
        var (password, passwordProblem) = Password.Read(parse, Console.Error);
        var (users, usersProblem) = IrpUsersFile.Read(parse, UsersFile);
        if ((secretProblem ?? passwordProblem ?? usersProblem) is { } problem)
        {
            return (null, null, problem);
        }

        var credentials = new NicCredentials(parse.GetValue(ClientId)!, secret ?? "", parse.GetValue(User)!, password ?? "", users);
        if (credentials.Problem() is { } incomplete)
        {
            return (null, null, $"--irp-url needs the portal's sign-in (--irp-client-id, --irp-client-secret, --irp-user, --irp-password): {incomplete}.");
        }

        var keyFile = parse.GetValue(PublicKeyFile)!;
        if (keyFile.Length == 0 || !File.Exists(keyFile))
        {
            return (null, null, $"--irp-url needs --irp-public-key-file, the portal's public key for the sign-in; {(keyFile.Length == 0 ? "none was given" : $"there is no file at {Path.GetFullPath(keyFile)}")}.");
        }

        var (key, keyProblem) = NicCrypto.LoadPublicKey(File.ReadAllText(keyFile));
        key?.Dispose();
        return keyProblem is null ? (credentials, Path.GetFullPath(keyFile), null) : (null, null, $"--irp-public-key-file {keyFile}: {keyProblem}");
    }
}
