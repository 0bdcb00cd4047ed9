using System.Net;

namespace TillSync.Hq.Access;

/// <summary>Slows token guessing: after <see cref="FailuresMax"/> requests with a token that names no one from one source
/// address within <see cref="Window"/>, HQ answers that address 429 until the oldest of those failures leaves the window,
/// except for a right till token (<see cref="AccessFilters"/>). A manager token is not even checked meanwhile — were a
/// right guess let through, the throttle would slow nothing. Requests with no token at all do not count (a page before
/// its sign-in), nor do successes, so a till or manager that never fails never meets it. Time is the injected clock's.</summary>
/// <remarks>The source is <see cref="ConnectionInfo.RemoteIpAddress"/>, which is the client's own address when HQ is
/// reached directly and, behind a reverse proxy listed in <c>--trusted-proxies</c>, the address the proxy forwarded.
/// Clients behind one NAT share an address, so a guesser there also holds back its neighbours for up to one window;
/// docs/security.md says why that is accepted. State is per process and bounded by <see cref="SourcesMax"/>.</remarks>
public sealed class AuthFailureThrottle(TimeProvider time, int failuresMax = AuthFailureThrottle.FailuresMax, TimeSpan? window = null)
{
    /// <summary>Failed authentications one source may make within <see cref="Window"/> before it is refused.</summary>
    public const int FailuresMax = 20;

    /// <summary>Source addresses remembered at once; past it the table is cleared (a flood of addresses gains each a fresh
    /// allowance, no more than a restart gives).</summary>
    public const int SourcesMax = 10_000;

    /// <summary>The window failures are counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _window = window ?? Window;
    private readonly Dictionary<IPAddress, Queue<DateTimeOffset>> _failures = [];
    private readonly Lock _gate = new();

    /// <summary>How long <paramref name="source"/> must wait before HQ checks its token again, or null when it may go on.</summary>
    public TimeSpan? RetryAfter(IPAddress? source)
    {
        lock (_gate)
        {
            var recent = Recent(Key(source), time.GetUtcNow());
            return recent is { Count: var count } && count >= failuresMax ? recent.Peek() + _window - time.GetUtcNow() : null;
        }
    }

    /// <summary>Counts one failed authentication from <paramref name="source"/>.</summary>
    public void RecordFailure(IPAddress? source)
    {
        var key = Key(source);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var recent = Recent(key, now);
            if (recent is null)
            {
                if (_failures.Count >= SourcesMax)
                {
                    _failures.Clear();
                }

                recent = new Queue<DateTimeOffset>();
                _failures[key] = recent;
            }

            recent.Enqueue(now);
            while (recent.Count > failuresMax)
            {
                recent.Dequeue();
            }
        }
    }

    // The source's failures still inside the window, older ones dropped; null when it has none.
    private Queue<DateTimeOffset>? Recent(IPAddress key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var recent))
        {
            return null;
        }

        while (recent.Count > 0 && recent.Peek() + _window <= now)
        {
            recent.Dequeue();
        }

        if (recent.Count == 0)
        {
            _failures.Remove(key);
            return null;
        }

        return recent;
    }

    // An IPv4 client reached over an IPv6 socket is one source, whichever form it arrives in.
    private static IPAddress Key(IPAddress? source) =>
        source is null ? IPAddress.None : source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
}
