using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using TillSync.Contracts.Idempotency;

namespace TillSync.Hq.Idempotency;

/// <summary>An answer as bytes: captured from an endpoint's result before its transaction commits, so that the first
/// answer and every replay of it are the same bytes.</summary>
public sealed class RecordedResponse : IResult
{
    private RecordedResponse(int statusCode, string? contentType, string? location, ReadOnlyMemory<byte> body, bool replayed)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
        Replayed = replayed;
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; }

    /// <summary>The content type, or null.</summary>
    public string? ContentType { get; }

    /// <summary>The <c>Location</c> header, or null.</summary>
    public string? Location { get; }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>True when this answers a retry from the stored first answer (<c>Idempotent-Replayed: true</c>).</summary>
    public bool Replayed { get; }

    /// <summary>True for a 2xx answer: only those are stored, so a refused request leaves its key free for a corrected one.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>Runs <paramref name="result"/> into a buffer instead of the connection. The response's status and headers
    /// are put back as they were, so that another answer can still be given.</summary>
    public static async Task<RecordedResponse> CaptureAsync(HttpContext http, IResult result)
    {
        var response = http.Response;
        var statusBefore = response.StatusCode;
        var headersBefore = response.Headers.ToList();
        var bodyFeature = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await result.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(bodyFeature);
        }

        var recorded = new RecordedResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
            buffer.ToArray(), replayed: false);
        response.StatusCode = statusBefore;
        response.Headers.Clear();
        foreach (var (name, value) in headersBefore)
        {
            response.Headers[name] = value;
        }

        return recorded;
    }

    /// <summary>A stored answer, replayed.</summary>
    public static RecordedResponse Replay(IdempotencyRecord record, byte[] body) =>
        new(record.StatusCode, record.ContentType, record.Location, body, replayed: true);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Replayed)
        {
            response.Headers[IdempotencyKey.ReplayedHeaderName] = new StringValues("true");
        }

        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}
