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

        if (bytes is null)
        {
            return (null, Problems.TooLarge($"The body is over {bodyBytesMax} bytes; this endpoint accepts at most {bodyBytesMax}."));
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes.WrittenSpan, typeInfo);
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

    private static string Describe(JsonException e)
    {
        // System.Text.Json's messages name the path ($.orders[3].lines) and position; keep those, drop type names.
        var where = e.Path is null ? "" : $" at {e.Path}";
        var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : "";
        var what = e.Message.Split(". Path:", 2)[0];
        return $"The body is not valid JSON for this endpoint{where}{line}: {what}";
    }
}
