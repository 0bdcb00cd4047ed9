using Microsoft.AspNetCore.Http.HttpResults;

namespace TillSync.Hq.Web;

/// <summary>The API's errors: RFC 9457 <c>application/problem+json</c> with a title per status and a <c>detail</c> that says
/// what to change.</summary>
public static class Problems
{
    /// <summary>400: the request itself is wrong.</summary>
    public static IResult BadRequest(string detail) => Make(StatusCodes.Status400BadRequest, "The request is not valid", detail);

    /// <summary>The title of a 400 for a body that ended before it was complete: the connection broke, not the request.</summary>
    public const string IncompleteBodyTitle = "Request body incomplete";

    /// <summary>400: the body ended before its end (a cut connection, a broken chunk); nothing was stored.</summary>
    public static IResult IncompleteBody(string detail) => Make(StatusCodes.Status400BadRequest, IncompleteBodyTitle, detail);

    /// <summary>401: no valid token.</summary>
    public static IResult Unauthorized(string detail) => Make(StatusCodes.Status401Unauthorized, "Authentication required", detail);

    /// <summary>403: a valid token of the wrong kind.</summary>
    public static IResult Forbidden(string detail) => Make(StatusCodes.Status403Forbidden, "Not allowed for this token", detail);

    /// <summary>404: nothing with that key.</summary>
    public static IResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>408: the request body arrived too slowly; nothing was stored.</summary>
    public static IResult RequestTimeout(string detail) => Make(StatusCodes.Status408RequestTimeout, "Request body too slow", detail);

    /// <summary>409: the request conflicts with HQ's state.</summary>
    public static IResult Conflict(string detail) => Make(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>413: the body is larger than the endpoint accepts.</summary>
    public static IResult TooLarge(string detail) => Make(StatusCodes.Status413PayloadTooLarge, "Request body too large", detail);

    /// <summary>415: the body is not JSON.</summary>
    public static IResult UnsupportedMediaType(string detail) =>
        Make(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    /// <summary>422: the request is well-formed but cannot be processed as sent (an Idempotency-Key reused for another request).</summary>
    public static IResult Unprocessable(string detail) => Make(StatusCodes.Status422UnprocessableEntity, "Cannot process this request", detail);

    /// <summary>429: too many requests of this kind lately; try later.</summary>
    public static IResult TooManyRequests(string detail) => Make(StatusCodes.Status429TooManyRequests, "Too many requests", detail);

    /// <summary>503: HQ cannot take the request now; nothing was stored; try again later.</summary>
    public static IResult Unavailable(string detail) => Make(StatusCodes.Status503ServiceUnavailable, "Try again later", detail);

    /// <summary>A sentence for the errors ASP.NET Core answers itself (routing, content type, limits), so that every
    /// problem+json says what to change.</summary>
    public static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed; nothing was stored.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly; nothing was stored. Send it again.",
        StatusCodes.Status404NotFound => "No such endpoint; see /openapi/v1.json for the API.",
        StatusCodes.Status405MethodNotAllowed => "This endpoint does not take that HTTP method; see /openapi/v1.json.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than HQ accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as 'Content-Type: application/json'.",
        StatusCodes.Status500InternalServerError => "HQ failed while processing the request, so its outcome is unknown. Send the same request again — the same orders with the same ids, or the same Idempotency-Key with the same body: HQ applies each at most once.",
        _ => null,
    };

    private static ProblemHttpResult Make(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
