namespace TillSync.Simulation.Lan;

/// <summary>A peer's answer to one request as it left the peer, so that the simulated LAN can lose it, or hold it back and
/// deliver it late.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body's bytes.</param>
/// <param name="ContentType">The content type, when the peer set one.</param>
internal sealed record PeerReply(int StatusCode, byte[] Body, string? ContentType)
{
    /// <summary>The answer as the asking till's HTTP client reads it.</summary>
    public HttpResponseMessage ToResponse()
    {
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)StatusCode) { Content = new ByteArrayContent(Body) };
        if (ContentType is { } contentType)
        {
            response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return response;
    }
}
