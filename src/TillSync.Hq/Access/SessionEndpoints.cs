using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.Sessions;
using TillSync.Core;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;

namespace TillSync.Hq.Access;

/// <summary>The back office's sign-in (<c>/api/v1/session</c>; docs/security.md, "Back-office sessions"): <c>POST</c> a
/// manager token to start a session (its cookie set on the answer), <c>GET</c> who is signed in and the page's CSRF token,
/// <c>DELETE</c> to sign out. Sign-in, a failed sign-in and sign-out are written to the audit log.</summary>
public static class SessionEndpoints
{
    /// <summary>Maps the session endpoints.</summary>
    public static void MapSessionEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/session", SignInAsync).Accepts<SignInRequest>("application/json").Produces<SessionView>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
        api.MapGet("/session", Show).RequireManager().Produces<SessionView>();
        api.MapDelete("/session", SignOutAsync).Produces(204).ProducesProblem(403);
    }

    // Each successful sign-in is a new session, as at any sign-in form: a resent one leaves the earlier session to expire
    // unused. A wrong token counts against its source address exactly as a wrong bearer token does (AuthFailureThrottle).
    private static async Task<IResult> SignInAsync(HttpContext http, HqDatabase database, Authenticator authenticator,
        AuthFailureThrottle throttle, ManagerSessions sessions, TimeProvider time)
    {
        var source = http.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(source) is { } wait)
        {
            var seconds = (long)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.TooManyRequests($"Too many wrong tokens from this address; try again in {seconds} s.");
        }

        var (request, problem) = await JsonBody.ReadAsync(http.Request, TillSyncJsonContext.Default.SignInRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > Tokens.TokenLengthMax)
        {
            return Problems.BadRequest($"token is required: the manager token HQ issued (at most {Tokens.TokenLengthMax} characters).");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var manager = await authenticator.ManagerAsync(connection, request.Token.Trim(), http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        if (manager is null)
        {
            throttle.RecordFailure(source);
            await AuditLog.RecordAsync(connection, transaction, "unknown", "session.sign-in-failed",
                $"wrong manager token from {source}", time.GetUtcNow(), http.RequestAborted);
            await transaction.CommitAsync(http.RequestAborted);
            return Problems.Unauthorized("That is not a manager token HQ issued.");
        }

        var session = await sessions.StartAsync(http, manager, connection, transaction, http.RequestAborted);
        await AuditLog.RecordAsync(connection, transaction, manager.Name, "session.signed-in", $"back-office sign-in from {source}", time.GetUtcNow(), http.RequestAborted);
        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.Ok(View(session));
    }

    private static SessionView Show(HttpContext http) =>
        http.Session() is { } session ? View(session) : new SessionView(http.Caller().Name, null, null, null);

    // Ends the cookie's session if it is live, which takes its CSRF token (a page on another origin must not sign the
    // manager out); answers 204 whether or not there was one, so that a resent sign-out changes nothing and succeeds.
    private static async Task<IResult> SignOutAsync(HttpContext http, HqDatabase database, ManagerSessions sessions, TimeProvider time)
    {
        var session = await sessions.FindAsync(http.Request, http.RequestAborted);
        if (session is not null && !session.CsrfMatches(http.Request.Headers[ManagerSessions.CsrfHeader].FirstOrDefault()))
        {
            return Problems.Forbidden($"Signing out needs the session's {ManagerSessions.CsrfHeader} header; reload the page and try again.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var transaction = await database.BeginWriteAsync(connection, http.RequestAborted);
        if (await sessions.EndAsync(http, connection, transaction, http.RequestAborted) && session is not null)
        {
            await AuditLog.RecordAsync(connection, transaction, session.Manager.Name, "session.signed-out", "back-office sign-out", time.GetUtcNow(), http.RequestAborted);
        }

        await transaction.CommitAsync(http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static SessionView View(ManagerSession session) =>
        new(session.Manager.Name, session.CsrfToken, session.IdleExpiresAt, session.ExpiresAt);
}
