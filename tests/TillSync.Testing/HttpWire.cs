// The little HTTP/1.1 the fault proxy must understand to know where a request and an answer end: the head, a body by
// Content-Length or chunked, and an answer read to the end of a connection that HQ closes after answering.
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TillSync.Testing;

/// <summary>Reads and rewrites HTTP/1.1 messages on raw sockets.</summary>
public static class HttpWire
{
    private const int HeaderBytesMax = 64 * 1024;
    private const int BodyBytesMax = 64 * 1024 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public static async Task<(byte[] Head, byte[] Remainder)> ReadHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The client closed before sending a whole request head.");
            }

            received.Write(buffer, 0, read);
            var all = received.GetBuffer().AsSpan(0, (int)received.Length);
            var end = all.IndexOf(HeaderEnd);
            if (end >= 0)
            {
                return (all[..(end + HeaderEnd.Length)].ToArray(), all[(end + HeaderEnd.Length)..].ToArray());
            }

            if (received.Length > HeaderBytesMax)
            {
                throw new InvalidDataException("The request head is too large.");
            }
        }
    }

    public static async Task<byte[]> ReadBodyAsync(NetworkStream stream, byte[] already, long contentLength, CancellationToken cancellationToken)
    {
        if (contentLength < 0)
        {
            return await ReadChunkedAsync(stream, already, cancellationToken);
        }

        if (contentLength > BodyBytesMax)
        {
            throw new InvalidDataException("The request body is too large.");
        }

        var body = new byte[contentLength];
        var filled = Math.Min(already.Length, body.Length);
        already.AsSpan(0, filled).CopyTo(body);
        while (filled < body.Length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The client closed in the middle of the request body.");
            }

            filled += read;
        }

        return body;
    }

    /// <summary>Reads a chunked body up to and including its last chunk and the blank line after it (no trailers), raw,
    /// so that it is forwarded byte for byte.</summary>
    public static async Task<byte[]> ReadChunkedAsync(NetworkStream stream, byte[] already, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        received.Write(already);
        var buffer = new byte[8192];
        while (true)
        {
            if (ChunkedLength(received.GetBuffer().AsSpan(0, (int)received.Length)) is { } length)
            {
                return received.GetBuffer().AsSpan(0, length).ToArray();
            }

            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The client closed in the middle of a chunked request body.");
            }

            received.Write(buffer, 0, read);
            if (received.Length > BodyBytesMax)
            {
                throw new InvalidDataException("The request body is too large.");
            }
        }
    }

    /// <summary>The length of a complete chunked body at the start of <paramref name="data"/>, or null when incomplete.</summary>
    public static int? ChunkedLength(ReadOnlySpan<byte> data)
    {
        var at = 0;
        while (true)
        {
            var lineEnd = data[at..].IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return null;
            }

            var sizeText = Encoding.ASCII.GetString(data.Slice(at, lineEnd)).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at += lineEnd + 2;
            if (size == 0)
            {
                return data.Length >= at + 2 ? at + 2 : null;
            }

            if (data.Length < at + size + 2)
            {
                return null;
            }

            at += size + 2;
        }
    }

    public static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            received.Write(buffer, 0, read);
            if (received.Length > BodyBytesMax)
            {
                throw new InvalidDataException("HQ's answer is too large.");
            }
        }

        return received.ToArray();
    }

    public static ParsedHead ParseHead(byte[] head)
    {
        var lines = Encoding.ASCII.GetString(head).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException($"Not an HTTP request line: {lines[0]}");
        }

        long contentLength = 0;
        var chunked = false;
        var forwarded = new StringBuilder(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon].Trim();
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = line[(colon + 1)..].Trim().Equals("chunked", StringComparison.OrdinalIgnoreCase)
                    ? true
                    : throw new InvalidDataException($"The proxy cannot forward Transfer-Encoding '{line[(colon + 1)..].Trim()}'.");
            }

            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
            }

            // One request per connection: HQ closes after answering, so the answer ends where the stream ends.
            if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            forwarded.Append(line).Append("\r\n");
        }

        forwarded.Append("Connection: close\r\n\r\n");
        return new ParsedHead(requestLine[0], requestLine[1], chunked ? -1 : contentLength, forwarded.ToString());
    }

    public static int StatusOf(byte[] answer)
    {
        var firstLine = Encoding.ASCII.GetString(answer, 0, Math.Min(answer.Length, 64)).Split("\r\n")[0].Split(' ');
        return firstLine.Length >= 2 && int.TryParse(firstLine[1], CultureInfo.InvariantCulture, out var status) ? status : 0;
    }

    public static string BodyOf(byte[] answer)
    {
        var end = answer.AsSpan().IndexOf(HeaderEnd);
        if (end < 0)
        {
            return "";
        }

        var head = Encoding.ASCII.GetString(answer, 0, end);
        var body = answer.AsSpan(end + HeaderEnd.Length);
        return head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Dechunk(body))
            : Encoding.UTF8.GetString(body);
    }

    public static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        var result = new MemoryStream();
        while (chunked.Length > 0)
        {
            var lineEnd = chunked.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(chunked[..lineEnd]).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0 || chunked.Length < lineEnd + 2 + size)
            {
                break;
            }

            result.Write(chunked.Slice(lineEnd + 2, size));
            chunked = chunked[Math.Min(chunked.Length, lineEnd + 2 + size + 2)..];
        }

        return result.ToArray();
    }
}

/// <summary>A request head as the proxy forwards it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request target.</param>
/// <param name="ContentLength">Body bytes, or -1 for a chunked body.</param>
/// <param name="ForwardedHead">The head rewritten with <c>Connection: close</c>.</param>
public sealed record ParsedHead(string Method, string Path, long ContentLength, string ForwardedHead);
