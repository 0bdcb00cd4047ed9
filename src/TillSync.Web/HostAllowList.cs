using Microsoft.AspNetCore.Http;

namespace TillSync.Web;

/// <summary>The names a server answers to: its loopback names (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>), the
/// host names its <c>--urls</c> give, and the names an operator configured (<c>--allowed-hosts</c>). A request naming any
/// other host in its <c>Host</c> header was sent to a name that merely resolves to this machine — DNS rebinding — and is
/// refused.</summary>
/// <remarks>Loopback and listening names match on any port: a proxy on loopback (a test's fault proxy, a TLS
/// terminator) changes the port, and the port is no defence against rebinding, where the name is what an attacker
/// controls. A configured <c>name:port</c> matches that port only; a configured <c>name</c> matches any port.</remarks>
public sealed class HostAllowList
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    // What a URL in --urls may name to listen on every interface: not a name any request could carry.
    private static readonly string[] WildcardHosts = ["0.0.0.0", "[::]", "*", "+"];

    private readonly HashSet<string> ownNames;
    private readonly IReadOnlyList<AllowedHost> configured;

    private HostAllowList(HashSet<string> ownNames, IReadOnlyList<AllowedHost> configured)
    {
        this.ownNames = ownNames;
        this.configured = configured;
    }

    /// <summary>The configured names as given, for logs and the start-up line.</summary>
    public IReadOnlyList<string> Configured => [.. configured.Select(c => c.ToString())];

    /// <summary>The allow-list of a server listening on <paramref name="urls"/> (semicolon-separated, as Kestrel takes
    /// them) with the operator's <paramref name="configuredHosts"/> (entries as <see cref="Parse"/> accepts).</summary>
    /// <exception cref="ArgumentException">An entry of <paramref name="configuredHosts"/> is not a host name.</exception>
    public static HostAllowList Create(string urls, IEnumerable<string> configuredHosts)
    {
        var own = new HashSet<string>(LoopbackNames, StringComparer.OrdinalIgnoreCase);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && !WildcardHosts.Contains(uri.Host, StringComparer.Ordinal))
            {
                own.Add(uri.Host);
            }
        }

        var entries = new List<AllowedHost>();
        foreach (var entry in configuredHosts)
        {
            entries.Add(AllowedHost.TryParse(entry, out var host, out var problem) ? host : throw new ArgumentException(problem, nameof(configuredHosts)));
        }

        return new HostAllowList(own, entries);
    }

    /// <summary>Splits an <c>--allowed-hosts</c> value (names separated by commas or semicolons, each <c>name</c> or
    /// <c>name:port</c>; IPv6 in brackets) and checks each entry; returns the entries or a sentence saying which one is
    /// wrong.</summary>
    public static (IReadOnlyList<string> Hosts, string? Problem) Parse(string? text)
    {
        var hosts = (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var entry in hosts)
        {
            if (!AllowedHost.TryParse(entry, out _, out var problem))
            {
                return ([], problem);
            }
        }

        return (hosts, null);
    }

    /// <summary>True when <paramref name="host"/> (a request's <c>Host</c>) is one of this server's names.</summary>
    public bool Allows(HostString host) =>
        host.HasValue && (ownNames.Contains(host.Host) || configured.Any(c => c.Matches(host.Host, host.Port)));

    /// <summary>True when <paramref name="origin"/> (a request's <c>Origin</c>) is this server's own: the same host and
    /// port as the request's <paramref name="host"/>, or a configured public name (a reverse proxy may pass HQ its own
    /// address as <c>Host</c> while the browser's origin is the public name).</summary>
    public bool IsOwnOrigin(string origin, HostString host)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.UserInfo.Length > 0 || uri.Query.Length > 0)
        {
            return false; // "null" (a sandboxed frame, a data: page, a file) or something no browser sends
        }

        var sameAuthority = string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase)
            && (host.Port is { } port ? port == uri.Port : uri.IsDefaultPort);
        return sameAuthority || configured.Any(c => c.Matches(uri.Host, uri.Port));
    }

    /// <summary>One configured name, with the port it must come with (null: any).</summary>
    private sealed record AllowedHost(string Host, int? Port)
    {
        public static bool TryParse(string entry, out AllowedHost host, out string problem)
        {
            host = new AllowedHost("", null);
            problem = "";
            // A URL of the entry alone says whether it is a bare authority: no scheme, path, user or query of its own.
            if (entry.Contains("://", StringComparison.Ordinal) || entry.Contains('/', StringComparison.Ordinal) || entry.Contains('*', StringComparison.Ordinal)
                || !Uri.TryCreate($"http://{entry}/", UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Query.Length > 0
                || uri.Fragment.Length > 0 || Uri.CheckHostName(uri.Host.Trim('[', ']')) == UriHostNameType.Unknown)
            {
                problem = $"'{entry}' is not a host name: give a name or address, optionally with a port, such as hq.example.com, 192.168.1.10 or hq.example.com:8443 (no scheme, path or wildcard).";
                return false;
            }

            var explicitPort = entry.EndsWith($":{uri.Port}", StringComparison.Ordinal);
            host = new AllowedHost(uri.Host, explicitPort ? uri.Port : null);
            return true;
        }

        public bool Matches(string name, int? port) =>
            string.Equals(name, Host, StringComparison.OrdinalIgnoreCase) && (Port is null || Port == port);

        public override string ToString() => Port is { } port ? $"{Host}:{port}" : Host;
    }
}
