using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TillSync.Hq.Web;

/// <summary>Reads a JSON request body under a byte limit, with errors a person can act on (which field, which line).
/// Endpoints read bodies through this rather than through model binding so that every failure is a clear
/// problem+json and nothing is half-read.</summary>
public static class JsonBody
{
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

        if (request.ContentLength > bodyBytesMax)
        {
            return (null, Problems.TooLarge($"The body is {request.ContentLength} bytes; this endpoint accepts at most {bodyBytesMax}."));
        }

        ArrayBufferWriter<byte>? bytes;
        try
        {
            bytes = await ReadLimitedAsync(request.Body, bodyBytesMax, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own body limit sits just above ours; either way the answer is the same 413.
            bytes = null;
        }

        return bytes is null
            ? (null, Problems.TooLarge($"The body is over {bodyBytesMax} bytes; this endpoint accepts at most {bodyBytesMax}."))
            : (bytes.WrittenMemory, null);
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
        // System.Text.Json's messages name the path ($.orders[3].lines) and position; keep those, drop type names.
        var where = e.Path is null ? "" : $" at {e.Path}";
        var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : "";
        var what = e.Message.Split(". Path:", 2)[0];
        return $"The body is not valid JSON for this endpoint{where}{line}: {what}";
    }
}
