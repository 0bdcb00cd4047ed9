using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using TillSync.Contracts;

namespace TillSync.Till.Web;

/// <summary>Errors of the local API as problem+json whose <c>detail</c> the page shows to the cashier as it is.</summary>
public static class LocalProblems
{
    /// <summary>Local bodies are small: a cart of the most lines with a customer fits easily.</summary>
    public const int BodyBytesMax = 256 * 1024;

    /// <summary>400 with a sentence for the cashier.</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Cannot do that");

    /// <summary>410 with a sentence for the cashier: the thing exists but is no longer offered (a retired product).</summary>
    public static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status410Gone, title: "No longer sold");

    /// <summary>404 with a sentence for the cashier.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>401: no cashier is logged in; the page shows its login screen.</summary>
    public static ProblemHttpResult LoginRequired(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Log in first");

    /// <summary>403 with a sentence for the cashier.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

    /// <summary>423: a staff member locked on this till.</summary>
    public static ProblemHttpResult Locked(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status423Locked, title: "Locked");

    /// <summary>Reads a JSON body, or the problem to answer.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (http.Request.ContentLength > BodyBytesMax)
        {
            return (null, TypedResults.Problem(detail: "The request is too large.", statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(http.Request.Body, typeInfo, http.RequestAborted);
            return value is null ? (null, BadRequest("The request is empty.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"The request is not valid{(e.Path is null ? "" : $" at {e.Path}")}: {JsonErrors.Reason(e)}."));
        }
    }
}
