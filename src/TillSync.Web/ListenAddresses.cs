using System.Net;

namespace TillSync.Web;

/// <summary>Where a server is told to listen (<c>--urls</c>, semicolon-separated, as Kestrel takes them).</summary>
public static class ListenAddresses
{
    /// <summary>The URLs of <paramref name="urls"/> that another machine could reach: any host but <c>localhost</c> and
    /// loopback addresses, including the wildcards <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c> and <c>+</c>.</summary>
    public static IReadOnlyList<string> NotLoopback(string urls) =>
        [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(url => !IsLoopback(url))];

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
