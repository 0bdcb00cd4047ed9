using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Faults;
using TillSync.Irp.Web;

namespace TillSync.Irp.Authentication;

/// <summary>NIC's session on every session path (<see cref="IrpPaths.IsSessionPath"/>), around the handlers, which
/// read and write plain JSON: checks NIC's headers (<see cref="IrpCaller"/>), the client headers (1010), the token (1005: missing, unknown or expired on the
/// simulator's clock) and that the token was issued to this <c>user_name</c> and <c>gstin</c>; opens the request's
/// <c>{"Data"}</c> with the session's SEK (2140 when it does not decrypt, so a plain body is refused); and seals the
/// answer's <c>Data</c>. With <see cref="FaultSettings.TamperedReplyRate"/> it garbles a success's sealed
/// <c>Data</c> after the handler has committed: the caller cannot read what happened. Not used with <c>--plain</c>.</summary>
public sealed class SessionGate(RequestDelegate next, ApiUserSettings settings, ApiSessions sessions, FaultSwitches faults)
{
    /// <summary>Runs the gate for one request.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IrpPaths.IsSessionPath(http.Request.Path.Value))
        {
            await next(http);
            return;
        }

        var (session, refusal) = Admit(http.Request);
        if (refusal is null && HttpMethods.IsPost(http.Request.Method))
        {
            refusal = await OpenBodyAsync(http.Request, session!, http.RequestAborted);
        }

        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.RequestAborted.IsCancellationRequested)
        {
            // The fault filter or commit-then-timeout dropped the connection: there is no reply to seal.
            return;
        }

        var reply = SealReply(http, buffer.ToArray(), session!);
        http.Response.ContentLength = reply.Length;
        await original.WriteAsync(reply, http.RequestAborted);
    }

    private (ApiSession? Session, IResult? Refusal) Admit(HttpRequest request)
    {
        // The headers every NIC call carries come first (1006, 1004, 1015), then the client and the session.
        if (IrpCaller.Identify(request).Refusal is { } headers)
        {
            return (null, headers);
        }

        if (!AuthEndpoint.IsClient(request, settings.User))
        {
            return (null, AuthEndpoint.ClientRefusal());
        }

        var session = sessions.Find(request.Headers[IrpPaths.AuthTokenHeader].ToString());
        if (session is null || session.UserName != request.Headers[IrpPaths.UserNameHeader].ToString())
        {
            return (null, IrpReplies.Error(IrpErrorCodes.InvalidToken, "Invalid Token", StatusCodes.Status401Unauthorized));
        }

        return session.Gstin == request.Headers[IrpPaths.GstinHeader].ToString()
            ? (session, null)
            : (null, IrpReplies.Error(IrpErrorCodes.InvalidGstinForUser, "Invalid GSTIN for this user: the token was issued for another GSTIN",
                StatusCodes.Status401Unauthorized));
    }

    /// <summary>Replaces the request's body with the JSON its <c>Data</c> seals, or answers why it cannot.</summary>
    private static async Task<IResult?> OpenBodyAsync(HttpRequest request, ApiSession session, CancellationToken cancellationToken)
    {
        NicRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, IrpJsonContext.Default.NicRequestBody, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return IrpReplies.Error(IrpErrorCodes.SchemaValidation, $"The request body is over {Limits.RequestBodyBytesMax} bytes",
                StatusCodes.Status413PayloadTooLarge);
        }
        catch (JsonException)
        {
            body = null;
        }

        var plain = body?.Data is { } data ? NicCrypto.Open(session.Sek, data) : null;
        if (plain is null)
        {
            return IrpReplies.Error(IrpErrorCodes.SchemaValidation,
                "The request's Data did not decrypt with the session key: send {\"Data\": base64 of AES-256-ECB(SEK, JSON)}");
        }

        request.Body = new MemoryStream(plain);
        request.ContentLength = plain.Length;
        return null;
    }

    private byte[] SealReply(HttpContext http, byte[] reply, ApiSession session)
    {
        if (http.Response.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return reply;
        }

        var envelope = JsonNode.Parse(reply) as JsonObject;
        if (envelope?["Data"] is not JsonObject data)
        {
            return reply;
        }

        var sealedData = NicCrypto.Seal(session.Sek, NicCrypto.Utf8(data));
        if (faults.Fires(faults.Current.TamperedReplyRate))
        {
            IrpLog.TamperedReply(http);
            sealedData = Tampered(sealedData);
        }

        envelope["Data"] = sealedData;
        return NicCrypto.Utf8(envelope);
    }

    // Flips every bit of the first cipher block: the first 16 bytes of the JSON ('{"AckNo":…') decrypt to noise, so
    // the Data can be neither parsed nor mistaken for another answer; the padding, in the last block, stays valid.
    private static string Tampered(string sealedData)
    {
        var bytes = Convert.FromBase64String(sealedData);
        Invariant.Assert(bytes.Length >= 16);
        for (var i = 0; i < 16; i++)
        {
            bytes[i] ^= 0xFF;
        }

        return Convert.ToBase64String(bytes);
    }
}
