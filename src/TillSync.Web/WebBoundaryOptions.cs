namespace TillSync.Web;

/// <summary>What <see cref="WebBoundary"/> enforces for one server.</summary>
/// <param name="Hosts">The names the server answers to.</param>
/// <param name="ApiPath">The path prefix of the API (<c>/api</c>): its reads, like every write, must come from the
/// server's own origin. Other reads (the pages and their scripts, the same for everyone) are only host-checked.</param>
/// <param name="JsonWritesOnly">Refuse every write whose body is not declared JSON — the till, whose local API has no
/// authentication, so that no cross-origin "simple" request (a form, a <c>text/plain</c> fetch) can reach an endpoint.
/// HQ's writes all need a bearer token, which a cross-origin page cannot send, and its endpoints check their bodies.</param>
public sealed record WebBoundaryOptions(HostAllowList Hosts, string ApiPath, bool JsonWritesOnly);
