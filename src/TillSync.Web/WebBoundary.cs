using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace TillSync.Web;

/// <summary>The first middleware of HQ and of the till: a request reaches an endpoint only when it names one of the
/// server's hosts, comes (if from a browser) from the server's own pages, and declares a JSON body on a write where
/// that is required; every answer carries <see cref="SecurityHeaders"/>. A refusal is a problem+json answer and a
/// warning in the log, and no endpoint runs: nothing is recorded, nothing is read. docs/security.md says why.</summary>
public sealed partial class WebBoundary(WebBoundaryOptions options, ILogger<WebBoundary> logger)
{
    // The values a browser's Sec-Fetch-Site may take for a request this server's own pages (or the address bar) made.
    private static readonly string[] OwnFetchSites = ["same-origin", "none"];

    private const int LoggedValueLengthMax = 120;

    /// <summary>Checks one request, then runs the rest of the pipeline or answers the refusal.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(static state =>
        {
            SecurityHeaders.Apply(((HttpResponse)state).Headers);
            return Task.CompletedTask;
        }, context.Response);

        var refusal = Check(context.Request);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        LogRefused(logger, context.Request.Method, Shorten(context.Request.Path.Value), refusal.Value.Status, refusal.Value.Reason);
        await TypedResults.Problem(refusal.Value.Detail, statusCode: refusal.Value.Status, title: refusal.Value.Title).ExecuteAsync(context);
    }

    private Refusal? Check(HttpRequest request)
    {
        if (!options.Hosts.Allows(request.Host))
        {
            var host = Shorten(request.Host.Value);
            return new Refusal(StatusCodes.Status421MisdirectedRequest, "Unknown host", $"Host '{host}' is not one of this server's names",
                $"This server answers only to its own host names, and '{host}' is not one of them. If you reach it by that name on purpose, " +
                "its operator can add it with --allowed-hosts.");
        }

        var method = request.Method;
        var isWrite = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (!isRead || request.Path.StartsWithSegments(options.ApiPath, StringComparison.OrdinalIgnoreCase))
        {
            var origin = request.Headers.Origin;
            if (origin.Count > 0 && !(origin.Count == 1 && options.Hosts.IsOwnOrigin(origin.ToString(), request.Host)))
            {
                return CrossOrigin($"Origin '{Shorten(origin.ToString())}' is not this server's own",
                    $"This request comes from a page on another origin ('{Shorten(origin.ToString())}'): only this server's own pages may call it.");
            }

            var site = request.Headers["Sec-Fetch-Site"];
            if (site.Count > 0 && !(site.Count == 1 && OwnFetchSites.Contains(site.ToString(), StringComparer.OrdinalIgnoreCase)))
            {
                return CrossOrigin($"Sec-Fetch-Site is '{Shorten(site.ToString())}'",
                    $"The browser marked this request as coming from another page ('Sec-Fetch-Site: {Shorten(site.ToString())}'): only this server's own pages may call it.");
            }
        }

        if (isWrite && options.JsonWritesOnly && !IsJson(request.ContentType))
        {
            var declared = Shorten(request.ContentType ?? "none");
            return new Refusal(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Content-Type is '{declared}'",
                $"Send the body as 'Content-Type: application/json' (UTF-8); got '{declared}'. Nothing was recorded.");
        }

        return null;
    }

    private static Refusal CrossOrigin(string reason, string detail) =>
        new(StatusCodes.Status403Forbidden, "Cross-origin request refused", reason, detail);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    // Header values come from whoever sent the request: keep log lines and answers short.
    private static string Shorten(string? value) =>
        value is null ? "" : value.Length <= LoggedValueLengthMax ? value : string.Concat(value.AsSpan(0, LoggedValueLengthMax), "…");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string reason);

    private readonly record struct Refusal(int Status, string Title, string Reason, string Detail);
}
