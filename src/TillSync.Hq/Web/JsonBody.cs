using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TillSync.Contracts;

namespace TillSync.Hq.Web;

/// <summary>Reads a JSON request body under a byte limit, with errors a person can act on (which field, which line).
/// Endpoints read bodies through this rather than through model binding so that every failure is a clear
/// problem+json and nothing is half-read.</summary>
public static partial class JsonBody
{
    /// <summary>The slowest body Kestrel accepts after <see cref="BodyGracePeriod"/> (Kestrel's default, stated here so
    /// that the answer can name it).</summary>
    public const int BodyBytesPerSecondMin = 240;

    /// <summary>How long a body may arrive more slowly than <see cref="BodyBytesPerSecondMin"/> before HQ gives up on it.</summary>
    public static readonly TimeSpan BodyGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer with.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, JsonTypeInfo<T> typeInfo, int bodyBytesMax, CancellationToken cancellationToken)
        where T : class
    {
        var (bytes, problem) = await ReadBytesAsync(request, bodyBytesMax, cancellationToken);
        return bytes is null ? (null, problem) : Parse(bytes.Value, typeInfo);
    }

    /// <summary>The body's bytes, when it is JSON and within <paramref name="bodyBytesMax"/>; otherwise the problem to
    /// answer with (415, 413).</summary>
    public static async Task<(ReadOnlyMemory<byte>? Bytes, IResult? Problem)> ReadBytesAsync(
        HttpRequest request, int bodyBytesMax, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType(
                $"Send the body as 'Content-Type: application/json'; got '{request.ContentType ?? "none"}'."));
        }

        return await ReadRawBytesAsync(request, bodyBytesMax, cancellationToken);
    }

    /// <summary>JSON <paramref name="bytes"/> as <typeparamref name="T"/>, or the 400 problem naming where it fails.</summary>
    public static (T? Value, IResult? Problem) Parse<T>(ReadOnlyMemory<byte> bytes, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(bytes.Span, typeInfo);
            return value is null ? (null, Problems.BadRequest("The body is JSON null; send an object.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest(Describe(e)));
        }
    }

    /// <summary>The body's bytes whatever its content type (at most <paramref name="bodyBytesMax"/>), or the problem to answer with: 413 when it is
    /// larger, 408 when it arrives more slowly than Kestrel's minimum data rate, 400 when the client ends it early. Either
    /// failure happens before anything is stored, so the answer says so, and it is logged as a warning: a slow or broken
    /// client, not a fault of HQ.</summary>
    public static async Task<(ReadOnlyMemory<byte>? Bytes, IResult? Problem)> ReadRawBytesAsync(HttpRequest request, int bodyBytesMax, CancellationToken cancellationToken)
    {
        if (request.ContentLength > bodyBytesMax)
        {
            return (null, Problems.TooLarge($"The body is {request.ContentLength} bytes; this endpoint accepts at most {bodyBytesMax}."));
        }

        try
        {
            var bytes = await ReadLimitedAsync(request.Body, bodyBytesMax, cancellationToken);
            return bytes is null
                ? (null, Problems.TooLarge($"The body is over {bodyBytesMax} bytes; this endpoint accepts at most {bodyBytesMax}."))
                : (bytes.WrittenMemory, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit sits just above ours; either way the answer is the same 413.
            return (null, Problems.TooLarge($"The body is over {bodyBytesMax} bytes; this endpoint accepts at most {bodyBytesMax}."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            LogBrokenBody(request, "arrived too slowly");
            return (null, Problems.RequestTimeout(string.Create(CultureInfo.InvariantCulture,
                $"The body arrived too slowly (HQ waits for at least {BodyBytesPerSecondMin} bytes a second after a {BodyGracePeriod.TotalSeconds:0} s grace period); nothing was stored. Send it again.")));
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException || (e is OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            // A body shorter than its Content-Length, a broken chunk, a reset connection: the client will most likely
            // never read this answer, but it is the truth if it does.
            LogBrokenBody(request, "ended before it was complete");
            return (null, Problems.IncompleteBody("The body ended before it was complete (the connection closed or broke while sending it); nothing was stored. Send it again."));
        }
    }

    private static void LogBrokenBody(HttpRequest request, string what)
    {
        var logger = request.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JsonBody));
        LogBrokenBody(logger, request.Method, request.Path, what);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The body of {Method} {Path} {What}; answered without storing anything")]
    private static partial void LogBrokenBody(ILogger logger, string method, string path, string what);

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<ArrayBufferWriter<byte>?> ReadLimitedAsync(Stream body, int bodyBytesMax, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > bodyBytesMax)
            {
                return null;
            }
        }
    }

    /// <summary>A JSON error as a sentence: the path and position it names, without .NET type names.</summary>
    public static string Describe(JsonException e)
    {
        // System.Text.Json's exceptions name the path ($.orders[3].lines) and position; keep those, drop type names.
        var where = e.Path is null ? "" : $" at {e.Path}";
        var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : "";
        return $"The body is not valid JSON for this endpoint{where}{line}: {JsonErrors.Reason(e)}.";
    }
}
