using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TillSync.Core.EInvoicing;

/// <summary>Speaks NIC's authenticated flow under an <see cref="HttpClient"/> whose callers send and read plain JSON
/// (docs/decisions/0013-nic-handshake.md). For each session path (<see cref="IrpPaths.IsSessionPath"/>) it signs in as
/// the request's <c>gstin</c> when it holds no live session (RSA-encrypted password and a fresh AppKey), sets the
/// client and token headers, seals the body's JSON into <c>{"Data"}</c> with the SEK and opens the answer's
/// <c>Data</c> back into JSON. An answer of 1005 (the token expired or the portal forgot it) signs in again once and
/// resends the same request: the portal refused it before doing anything, so the resend cannot register twice.
/// <para>Each GSTIN signs in as its own API user when <see cref="NicCredentials.GstinUsers"/> lists one, else as the
/// default user. A refused sign-in (wrong password, client or user) is kept per user as <see cref="CredentialProblem"/> and, for
/// <see cref="RefusedSignInHoldOff"/>, answered without asking the portal again: NIC blocks users who keep sending
/// erroneous requests. A refused sign-in, a lost one and an answer whose <c>Data</c> does not decrypt all throw
/// <see cref="HttpRequestException"/>: to the caller the outcome is unknown, exactly as for a dropped connection.
/// Messages name the user and the portal's code, never the password, the secret, the token or a key.</para></summary>
public sealed class NicSessionHandler(NicCredentials credentials, RSA portalPublicKey, TimeProvider time) : DelegatingHandler
{
    /// <summary>How long a refused sign-in is believed before the portal is asked again.</summary>
    public static readonly TimeSpan RefusedSignInHoldOff = TimeSpan.FromMinutes(5);

    /// <summary>A session is renewed this long before the expiry the portal gave, so a call never races it.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    private readonly Lock gate = new();
    private readonly SemaphoreSlim signingIn = new(1, 1);
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Problem, DateTimeOffset At)> refusals = new(StringComparer.Ordinal);

    /// <summary>Why the portal refused the last sign-in of each user it refused (the user, its code and message), or null
    /// while every sign-in works.</summary>
    public string? CredentialProblem
    {
        get
        {
            lock (gate)
            {
                return refusals.Count == 0 ? null : string.Join("; ", refusals.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value.Problem}"));
            }
        }
    }

    /// <summary>Why the portal refused the last sign-in as <paramref name="gstin"/>'s user, or null.</summary>
    public string? CredentialProblemFor(string gstin)
    {
        lock (gate)
        {
            return refusals.TryGetValue(credentials.UserFor(gstin).UserName, out var refused) ? refused.Problem : null;
        }
    }

    /// <summary>How many sign-ins the portal has accepted, for tests and logs.</summary>
    public int SignIns { get; private set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // HttpClient has made the address absolute by now.
        var address = request.RequestUri!;
        if (!IrpPaths.IsSessionPath(address.AbsolutePath))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var gstin = request.Headers.TryGetValues(IrpPaths.GstinHeader, out var values) ? values.Single() : "";
        var plainBody = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var session = await SessionAsync(address, gstin, stale: null, cancellationToken);
        var (response, envelope) = await SendSealedAsync(request, plainBody, session, cancellationToken);
        if (envelope is not null && HasError(envelope, IrpErrorCodes.InvalidToken))
        {
            response.Dispose();
            session = await SessionAsync(address, gstin, stale: session, cancellationToken);
            (response, envelope) = await SendSealedAsync(request, plainBody, session, cancellationToken);
        }

        if (envelope?["Data"] is JsonValue sealedData && sealedData.TryGetValue<string>(out var base64))
        {
            var data = NicCrypto.OpenJson(session.Sek, base64);
            if (data is null)
            {
                response.Dispose();
                throw new HttpRequestException("The portal's answer did not decrypt with the session key (tampered or garbled): the outcome is unknown.");
            }

            envelope["Data"] = data;
            response.Content = new ByteArrayContent(NicCrypto.Utf8(envelope)) { Headers = { ContentType = new("application/json") } };
        }

        return response;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            signingIn.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool HasError(JsonNode envelope, string code) =>
        envelope["ErrorDetails"] is JsonArray errors
        && errors.Any(e => e?["ErrorCode"] is JsonValue c && c.TryGetValue<string>(out var text) && text == code);

    /// <summary>Sends <paramref name="request"/> with the session's headers and sealed body; the envelope is null when
    /// the answer is not a NIC envelope (a 5xx, a proxy's page), which is passed on untouched.</summary>
    private async Task<(HttpResponseMessage Response, JsonObject? Envelope)> SendSealedAsync(
        HttpRequestMessage request, byte[]? plainBody, Session session, CancellationToken cancellationToken)
    {
        SetHeader(request, IrpPaths.ClientIdHeader, credentials.ClientId);
        SetHeader(request, IrpPaths.ClientSecretHeader, credentials.ClientSecret);
        SetHeader(request, IrpPaths.UserNameHeader, session.UserName);
        SetHeader(request, IrpPaths.AuthTokenHeader, session.AuthToken);
        if (plainBody is not null)
        {
            request.Content = JsonContent.Create(new NicRequestBody(NicCrypto.Seal(session.Sek, plainBody)), IrpJsonContext.Default.NicRequestBody);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            return (response, null);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var contentType = response.Content.Headers.ContentType;
        response.Content = new ByteArrayContent(bytes) { Headers = { ContentType = contentType } };
        try
        {
            return (response, JsonNode.Parse(bytes) as JsonObject);
        }
        catch (JsonException)
        {
            return (response, null);
        }
    }

    private static void SetHeader(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.Add(name, value);
    }

    /// <summary>A live session for <paramref name="gstin"/>, signing in when there is none, it is about to expire or
    /// it is <paramref name="stale"/> (the portal answered 1005 to it).</summary>
    private async Task<Session> SessionAsync(Uri portal, string gstin, Session? stale, CancellationToken cancellationToken)
    {
        await signingIn.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var userName = credentials.UserFor(gstin).UserName;
            lock (gate)
            {
                if (sessions.TryGetValue(gstin, out var held) && !ReferenceEquals(held, stale) && held.ExpiresAt - RenewBefore > now)
                {
                    return held;
                }

                if (refusals.TryGetValue(userName, out var refused) && now - refused.At < RefusedSignInHoldOff)
                {
                    throw new HttpRequestException($"The portal refused to sign in {userName}: {refused.Problem}.");
                }
            }

            var session = await SignInAsync(portal, gstin, force: stale is not null, cancellationToken);
            lock (gate)
            {
                sessions[gstin] = session;
                refusals.Remove(userName);
                SignIns++;
            }

            return session;
        }
        finally
        {
            signingIn.Release();
        }
    }

    private async Task<Session> SignInAsync(Uri portal, string gstin, bool force, CancellationToken cancellationToken)
    {
        var appKey = RandomNumberGenerator.GetBytes(NicCrypto.KeyBytes);
        var (userName, password) = credentials.UserFor(gstin);
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            new AuthRequest(userName, password, Convert.ToBase64String(appKey), force), IrpJsonContext.Default.AuthRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(portal, IrpPaths.Auth))
        {
            Content = JsonContent.Create(new NicRequestBody(NicCrypto.EncryptForPortal(portalPublicKey, payload)), IrpJsonContext.Default.NicRequestBody),
        };
        SetHeader(request, IrpPaths.ClientIdHeader, credentials.ClientId);
        SetHeader(request, IrpPaths.ClientSecretHeader, credentials.ClientSecret);
        SetHeader(request, IrpPaths.GstinHeader, gstin);
        using var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode >= HttpStatusCode.InternalServerError)
        {
            throw new HttpRequestException($"The portal did not answer the sign-in (HTTP {(int)response.StatusCode}).");
        }

        IrpResponse<AuthSession>? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(IrpJsonContext.Default.IrpResponseAuthSession, cancellationToken);
        }
        catch (JsonException)
        {
            throw new HttpRequestException($"The portal's answer to the sign-in is not NIC's envelope (HTTP {(int)response.StatusCode}).");
        }

        if (answer is not { Status: IrpStatus.Success, Data: { } data })
        {
            var problem = answer?.ErrorText("no reason given") ?? "no reason given";
            lock (gate)
            {
                refusals[userName] = (problem, time.GetUtcNow());
            }

            throw new HttpRequestException($"The portal refused to sign in {userName}: {problem}.");
        }

        var sek = NicCrypto.Open(appKey, data.Sek);
        if (sek is not { Length: NicCrypto.KeyBytes } || !IrpTimes.TryParse(data.TokenExpiry, out var expiresAt))
        {
            throw new HttpRequestException("The portal's session key or token expiry did not decode: the sign-in is lost.");
        }

        return new Session(userName, data.AuthToken, sek, expiresAt);
    }

    /// <summary>One signed-in session of <paramref name="UserName"/>: never logged (the token and the key are secrets).</summary>
    private sealed record Session(string UserName, string AuthToken, byte[] Sek, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"session of {UserName} until {ExpiresAt:O}";
    }
}
