using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TillSync.Web;

/// <summary>The headers on every answer of HQ and the till, pages and API alike: a Content-Security-Policy that lets a
/// page run only its own server's scripts and styles and be framed by nobody, no MIME sniffing, no referrer, and no
/// embedding by another origin.</summary>
public static partial class SecurityHeaders
{
    // Sources: the server itself, nothing else. img-src also allows data: for the page's empty favicon (href="data:,").
    private const string Sources = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy of an answer whose page (if it is one) has no inline script or style.</summary>
    public const string DefaultPolicy = $"{Sources}; script-src 'self'; style-src 'self'";

    /// <summary>The policy of a page that carries its script and style inline: each inline <c>&lt;script&gt;</c> and
    /// <c>&lt;style&gt;</c> block is allowed by its SHA-256 hash, so that an injected one (whose hash differs) never runs.
    /// Inline event handlers and <c>style</c> attributes stay refused.</summary>
    public static string PolicyFor(string html)
    {
        var scripts = InlineScripts().Matches(html).Where(m => !m.Groups["attributes"].Value.Contains("src=", StringComparison.OrdinalIgnoreCase))
            .Select(m => Hash(m.Groups["body"].Value));
        var styles = InlineStyles().Matches(html).Select(m => Hash(m.Groups["body"].Value));
        return $"{Sources}; script-src 'self'{string.Concat(scripts)}; style-src 'self'{string.Concat(styles)}";
    }

    /// <summary>Sets the headers; a Content-Security-Policy the endpoint chose (a page's own) is kept.</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = DefaultPolicy;
        }

        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }

    // The browser hashes the element's text after HTML parsing, which turns CR LF and lone CR into LF.
    private static string Hash(string body) =>
        $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))))}'";

    [GeneratedRegex(@"<script\b(?<attributes>[^>]*)>(?<body>.*?)</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();

    [GeneratedRegex(@"<style\b[^>]*>(?<body>.*?)</style\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyles();
}
