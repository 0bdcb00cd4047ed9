namespace TillSync.Till.Peers;

/// <summary>The store LAN as configured (<c>--peers</c>, <c>--peer-urls</c>; docs/store-lan.md).</summary>
/// <param name="Peers">The other tills' peer listeners (base URLs) this till pulls from.</param>
/// <param name="ListenPorts">The ports of this till's own peer listener; a request on any other port never reaches the peer
/// endpoints, and a request on these reaches nothing else.</param>
/// <param name="PollInterval">How long the exchange waits between rounds when nothing wakes it.</param>
public sealed record PeerOptions(IReadOnlyList<Uri> Peers, IReadOnlySet<int> ListenPorts, TimeSpan PollInterval)
{
    /// <summary>The wait between rounds when none is configured.</summary>
    public static readonly TimeSpan PollIntervalDefault = TimeSpan.FromSeconds(1);
}
