using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Web;

namespace TillSync.Irp.Authentication;

/// <summary><c>POST /eivital/v1.04/auth</c>: NIC's sign-in. Headers <c>client_id</c>, <c>client_secret</c> and
/// <c>gstin</c>; body <c>{"Data"}</c>, an <see cref="AuthRequest"/> encrypted with <see cref="PortalKey"/>. Answers a
/// new token and the SEK encrypted with the caller's AppKey. Not behind the fault filter: faults are the NIC calls'.</summary>
public static class AuthEndpoint
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(IrpPaths.Auth, SignInAsync);
        return routes;
    }

    /// <summary>True when the <c>client_id</c> and <c>client_secret</c> headers are <paramref name="user"/>'s.</summary>
    public static bool IsClient(HttpRequest request, NicCredentials user) =>
        Same(request.Headers[IrpPaths.ClientIdHeader].ToString(), user.ClientId)
        & Same(request.Headers[IrpPaths.ClientSecretHeader].ToString(), user.ClientSecret);

    /// <summary>The reply to a request whose client headers are wrong (1010, HTTP 401).</summary>
    public static IResult ClientRefusal() =>
        IrpReplies.Error(IrpErrorCodes.InvalidClient, "Invalid Client-ID/Client-Secret", StatusCodes.Status401Unauthorized);

    private static async Task<IResult> SignInAsync(HttpContext http, ApiUserSettings settings, ApiSessions sessions, PortalKey key, CancellationToken cancellationToken)
    {
        if (!IsClient(http.Request, settings.User))
        {
            return ClientRefusal();
        }

        var (gstin, refusal) = IrpCaller.GstinOf(http.Request);
        if (refusal is not null)
        {
            return refusal;
        }

        var signIn = await ReadAsync(http.Request, key, cancellationToken);
        var appKey = signIn is null ? null : AppKey(signIn.AppKey);
        if (signIn is null || appKey is null)
        {
            return IrpReplies.Error(IrpErrorCodes.SignInNotDecrypted,
                "Decryption of the sign-in failed: send {\"Data\": RSA(portal public key, {UserName, Password, AppKey, ForceRefreshAccessToken})}, the AppKey 32 bytes in base64");
        }

        // NIC makes an API user per GSTIN: the user must be the one this GSTIN signs in as (its own, else the default).
        var (userName, password) = settings.User.UserFor(gstin!);
        if (!Same(signIn.UserName, userName))
        {
            return settings.IsUser(signIn.UserName)
                ? IrpReplies.Error(IrpErrorCodes.InvalidGstinForUser, $"Invalid GSTIN for this user: {signIn.UserName} was not made for {gstin}")
                : IrpReplies.Error(IrpErrorCodes.IncorrectUser, "Incorrect user id/User does not exists");
        }

        if (!Same(signIn.Password, password))
        {
            IrpLog.SignInRefused(http, signIn.UserName, IrpErrorCodes.IncorrectPassword);
            return IrpReplies.Error(IrpErrorCodes.IncorrectPassword, "Incorrect Password");
        }

        var session = sessions.Open(userName, gstin!);
        IrpLog.SignedIn(http, session.UserName, session.Gstin, IrpTimes.Text(session.ExpiresAt));
        return TypedResults.Json(
            new IrpResponse<AuthSession>(IrpStatus.Success,
                new AuthSession(settings.User.ClientId, session.UserName, session.AuthToken, NicCrypto.Seal(appKey, session.Sek), IrpTimes.Text(session.ExpiresAt)),
                null, null),
            IrpJsonContext.Nic.IrpResponseAuthSession);
    }

    private static async Task<AuthRequest?> ReadAsync(HttpRequest request, PortalKey key, CancellationToken cancellationToken)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, IrpJsonContext.Default.NicRequestBody, cancellationToken);
            var plain = body?.Data is { } data ? key.Decrypt(data) : null;
            return plain is null ? null : JsonSerializer.Deserialize(plain, IrpJsonContext.Default.AuthRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? AppKey(string? base64)
    {
        try
        {
            return base64 is not null && Convert.FromBase64String(base64) is { Length: NicCrypto.KeyBytes } key ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // Compared in constant time: how long a refusal takes must not tell how much of a secret was right.
    private static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
