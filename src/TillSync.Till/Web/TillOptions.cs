using TillSync.Web;

namespace TillSync.Till.Web;

/// <summary>How to run a till; each has a <c>--option</c> and a <c>TILLSYNC_*</c> twin in the CLI.</summary>
/// <param name="HqUrl">HQ's base address.</param>
/// <param name="Token">The till's token from enrolment.</param>
/// <param name="DataDirectory">Holds <c>till.db</c>.</param>
/// <param name="Urls">Where the cashier page listens; loopback unless <paramref name="AllowLan"/>.</param>
/// <param name="SyncBackoffMax">The longest wait between sync attempts while HQ is unreachable.</param>
/// <param name="HqAuthorities">The only CAs an https:// HQ's certificate may chain to (<c>--hq-ca-file</c>); null for the
/// system's trusted CAs.</param>
/// <param name="AllowedHosts">Host names the page and API answer to besides the loopback names and those in
/// <paramref name="Urls"/> (<c>name</c> or <c>name:port</c>; docs/security.md).</param>
/// <param name="AllowLan">Let <paramref name="Urls"/> name an address other machines can reach. The local API has no
/// sign-in, so anyone who reaches it can ring up sales: off unless the network is trusted.</param>
/// <param name="IdleLock">How long the till stays logged in without work before it locks (docs/shifts.md); null for
/// 5 minutes.</param>
/// <param name="JsonLogs">Log one JSON object per line (<c>--log-format json</c>) instead of text.</param>
/// <param name="MirrorDirectory">A second directory, on another device, where the till keeps a current copy of
/// <c>till.db</c> (<c>--mirror</c>; <see cref="Mirror.DatabaseMirror"/>); null for none.</param>
/// <param name="LinkSwitch">A switch on the link to HQ that <c>tillsync demo</c> cuts and restores
/// (<see cref="Sync.LinkSwitch.Demo"/>); null for a link without one.</param>
/// <param name="QuietLogs">Log warnings and errors only (<c>tillsync demo</c>'s terminal shows its banner and key presses).</param>
/// <param name="Peers">The other tills' peer listeners on the store LAN (<c>--peers</c>), whose logs this till copies
/// (docs/store-lan.md); null or empty for none.</param>
/// <param name="PeerUrls">Where this till's own peer listener listens (<c>--peer-urls</c>, semicolon-separated URLs, each
/// with its own port, e.g. <c>http://0.0.0.0:5190</c>); it serves only the signed peer reads, so it may face the LAN
/// without <paramref name="AllowLan"/>. Null for no listener.</param>
/// <param name="PeerPollInterval">How long the exchange waits between rounds when nothing wakes it; null for
/// <see cref="Peers.PeerOptions.PollIntervalDefault"/>.</param>
public sealed record TillOptions(
    Uri HqUrl, string Token, string DataDirectory, string Urls, TimeSpan SyncBackoffMax,
    System.Security.Cryptography.X509Certificates.X509Certificate2Collection? HqAuthorities = null,
    IReadOnlyList<string>? AllowedHosts = null, bool AllowLan = false, bool JsonLogs = false, TimeSpan? IdleLock = null,
    string? MirrorDirectory = null, Sync.LinkSwitch? LinkSwitch = null, bool QuietLogs = false,
    IReadOnlyList<Uri>? Peers = null, string? PeerUrls = null, TimeSpan? PeerPollInterval = null)
{
    /// <summary>The ports of <see cref="PeerUrls"/>.</summary>
    public IReadOnlySet<int> PeerListenPorts() =>
        (PeerUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Port : 0).ToHashSet();

    /// <summary>Why the store LAN settings cannot be used, as a sentence for the operator; null when they can. The peer
    /// listener is told apart from the cashier page by its port, so each of its URLs names a port of its own.</summary>
    public string? PeerProblem()
    {
        var cashierPorts = Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Port : -1).ToHashSet();
        foreach (var url in (PeerUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/"
                || !url.Contains($":{uri.Port}", StringComparison.Ordinal) || uri.Port == 0 || cashierPorts.Contains(uri.Port))
            {
                return $"--peer-urls: '{url}' must be http://address:port with a port of its own (not 0, not the cashier page's), e.g. http://0.0.0.0:5190.";
            }
        }

        return (Peers ?? []).FirstOrDefault(p => p.Scheme != Uri.UriSchemeHttp && p.Scheme != Uri.UriSchemeHttps) is { } bad
            ? $"--peers: '{bad}' must be an http:// address of another till's peer listener, e.g. http://192.168.1.12:5190."
            : null;
    }

    /// <summary>Why <see cref="MirrorDirectory"/> cannot be the mirror, as a sentence for the operator; null when it can.
    /// The mirror's file is <c>till.db</c>, so in the data directory itself it would overwrite the database it copies.</summary>
    public string? MirrorProblem() =>
        MirrorDirectory is { } mirror && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(mirror)),
            Path.TrimEndingDirectorySeparator(Path.GetFullPath(DataDirectory)), StringComparison.Ordinal)
            ? $"--mirror {mirror} is the data directory itself; name a directory on another device (e.g. a USB stick), where a copy survives the till's own disk."
            : null;

    /// <summary>Why the till must not listen on <see cref="Urls"/>, as a sentence for the operator; null when it may.</summary>
    public string? ListenProblem() =>
        !AllowLan && ListenAddresses.NotLoopback(Urls) is [_, ..] reachable
            ? $"--urls {string.Join(';', reachable)} can be reached from other machines, and the till's API has no sign-in: anyone on the network " +
              "could ring up sales. Listen on loopback (e.g. http://127.0.0.1:5090), or add --allow-lan if every machine on this network is trusted (docs/security.md)."
            : null;
}
