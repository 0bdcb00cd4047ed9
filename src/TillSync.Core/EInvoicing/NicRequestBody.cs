namespace TillSync.Core.EInvoicing;

/// <summary>The body of every call in the authenticated flow: <c>{"Data": "…"}</c>, the payload encrypted (RSA for the
/// sign-in, the SEK for the rest), base64.</summary>
/// <param name="Data">The encrypted payload.</param>
public sealed record NicRequestBody(string? Data);
