namespace TillSync.Till.Sync;

/// <summary>Capped exponential backoff with jitter: 1 s, 2 s, 4 s … up to the cap, each scaled by a random factor in
/// [0.5, 1] so that a fleet of tills coming back after an outage does not arrive at HQ in lockstep.</summary>
public sealed class Backoff(TimeSpan cap, Random random)
{
    /// <summary>The first delay.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);

    private int _failures;

    /// <summary>The delay after one more failure.</summary>
    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(_failures, 20);
        _failures++;
        var uncapped = Initial.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(uncapped, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random.NextDouble() / 2)));
    }

    /// <summary>A success: the next failure starts from the first delay again.</summary>
    public void Reset() => _failures = 0;
}
