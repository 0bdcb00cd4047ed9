namespace TillSync.Contracts.Sessions;

/// <summary>A manager's sign-in to the back office (<c>POST /api/v1/session</c>).</summary>
/// <param name="Token">The manager token HQ issued (the same one the API takes as a bearer token).</param>
public sealed record SignInRequest(string Token);

/// <summary>The signed-in manager, as the back office's pages see it (<c>POST</c> and <c>GET /api/v1/session</c>).</summary>
/// <param name="Name">The manager's name.</param>
/// <param name="CsrfToken">The value a page sends in <c>X-CSRF-Token</c> with every write it makes with the session cookie;
/// null when the request was authenticated by a bearer token, which needs none.</param>
/// <param name="IdleExpiresAt">When the session ends if nothing uses it before; null with a bearer token.</param>
/// <param name="ExpiresAt">When the session ends however much it is used; null with a bearer token.</param>
public sealed record SessionView(string Name, string? CsrfToken, DateTimeOffset? IdleExpiresAt, DateTimeOffset? ExpiresAt);
