using TillSync.Hq.Web;

namespace TillSync.Hq.Access;

/// <summary>Endpoint filters that admit only one kind of caller: 401 without a valid token or back-office session, 403 with
/// the wrong kind or with a session write lacking its CSRF token (<see cref="ManagerSessions"/>), 429 from
/// a source that has failed too often lately (<see cref="AuthFailureThrottle"/>). The caller is stored in
/// <see cref="HttpContext.Items"/> for the handler.</summary>
public static class AccessFilters
{
    private const string CallerKey = "tillsync.caller";
    private const string SessionKey = "tillsync.session";

    /// <summary>Admits tills only.</summary>
    public static TBuilder RequireTill<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => Admit(context, next, CallerKind.Till));

    /// <summary>Admits managers only.</summary>
    public static TBuilder RequireManager<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((context, next) => Admit(context, next, CallerKind.Manager));

    /// <summary>The caller admitted by the filter.</summary>
    public static Caller Caller(this HttpContext context) => (Caller)context.Items[CallerKey]!;

    /// <summary>The back-office session the request came with, or null when it was authenticated by a bearer token.</summary>
    public static ManagerSession? Session(this HttpContext context) => context.Items[SessionKey] as ManagerSession;

    /// <summary>For a path outside the endpoint routing (the metrics scrape): admits a manager, or writes the refusal
    /// a manager endpoint would answer and returns false.</summary>
    public static async Task<bool> AdmitManagerAsync(HttpContext http)
    {
        var refusal = await RefusalAsync(http, CallerKind.Manager);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(http);
        }

        return refusal is null;
    }

    private static async ValueTask<object?> Admit(EndpointFilterInvocationContext context, EndpointFilterDelegate next, CallerKind required) =>
        (object?)await RefusalAsync(context.HttpContext, required) ?? await next(context);

    // Null when the caller is admitted (and stored for the handler), else the answer refusing it.
    private static async Task<IResult?> RefusalAsync(HttpContext http, CallerKind required)
    {
        // A request without a bearer token may come from a back-office page with the session cookie (256 random bits:
        // not guessable, so, like a till token, not held back by the throttle). A write with it must also carry the
        // session's CSRF token, which only HQ's own pages are handed.
        if (http.Request.Headers.Authorization.Count == 0
            && await http.RequestServices.GetRequiredService<ManagerSessions>().FindAsync(http.Request, http.RequestAborted) is { } session)
        {
            if (IsWrite(http.Request.Method) && !session.CsrfMatches(http.Request.Headers[ManagerSessions.CsrfHeader].FirstOrDefault()))
            {
                return Problems.Forbidden($"A write made with the back-office session cookie must carry the session's {ManagerSessions.CsrfHeader} header; "
                    + "reload the page and try again.");
            }

            return Admitted(http, session.Manager, required, session);
        }

        var throttle = http.RequestServices.GetRequiredService<AuthFailureThrottle>();
        var authenticator = http.RequestServices.GetRequiredService<Authenticator>();
        var source = http.Connection.RemoteIpAddress;
        var wait = throttle.RetryAfter(source);
        // While its source is throttled a request may still be a till's: a till token (256 random bits made by HQ)
        // cannot be guessed, so letting a right one through tells a guesser nothing, and a shop's tills behind the same
        // NAT as a guesser keep syncing. A manager token, which a person may have chosen, is not even checked.
        var caller = await authenticator.AuthenticateAsync(http.Request, includeManagers: wait is null, http.RequestAborted);
        if (wait is not null && caller is null)
        {
            var seconds = (long)Math.Ceiling(Math.Max(1, wait.Value.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.TooManyRequests(
                $"Too many requests with a wrong token from this address; HQ checks manager tokens from it again in {seconds} s.");
        }

        if (caller is null)
        {
            if (http.Request.Headers.Authorization.Count > 0)
            {
                throttle.RecordFailure(source);
            }

            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Unauthorized("Send 'Authorization: Bearer <token>' with a till or manager token HQ issued, or sign in at /sign-in.");
        }

        return Admitted(http, caller, required, session: null);
    }

    // Null when the caller is of the required kind (and stored for the handler), else the 403 refusing it.
    private static IResult? Admitted(HttpContext http, Caller caller, CallerKind required, ManagerSession? session)
    {
        if (caller.Kind != required)
        {
            return Problems.Forbidden(required == CallerKind.Manager
                ? "This endpoint needs a manager token; a till token cannot use it."
                : "This endpoint is for tills; use the till's own token.");
        }

        http.Items[CallerKey] = caller;
        http.Items[SessionKey] = session;
        return null;
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
}
