// Requests as a browser or an attacker shapes them for the web boundary tests of HQ and the till: any Host, Origin,
// Sec-Fetch-* header and content type; and the security headers every answer must carry.
using System.Net.Http.Headers;
using System.Text;

namespace TillSync.Testing;

/// <summary>Hand-shaped requests and the header checks of the web boundary tests.</summary>
public static class BoundaryRequests
{
    /// <summary>Sends <paramref name="method"/> <paramref name="path"/> with the given headers (<c>Host</c> included) and,
    /// when <paramref name="body"/> is given, that body declared as <paramref name="contentType"/> (none when null).</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, string method, string path, string? body = null, string? contentType = "application/json",
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return await client.SendAsync(request);
    }

    /// <summary>A GET with the given headers; returns only the status.</summary>
    public static async Task<System.Net.HttpStatusCode> StatusAsync(HttpClient client, string path, params (string Name, string Value)[] headers)
    {
        using var response = await SendAsync(client, "GET", path, null, null, headers);
        return response.StatusCode;
    }

    /// <summary>Asserts the headers of every answer: no framing, no sniffing, no referrer, no embedding by another origin.</summary>
    public static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Contains("frame-ancestors 'none'", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Resource-Policy")));
    }
}
