namespace TillSync.Irp.Faults;

/// <summary>The current <see cref="FaultSettings"/> and the seeded <see cref="Random"/> that decides, call by call,
/// whether a fault fires, so that a run with the same seed and the same calls fails the same way.</summary>
public sealed class FaultSwitches(FaultSettings initial, Random random)
{
    private readonly Lock _gate = new();
    private FaultSettings _current = initial;

    /// <summary>The settings in force.</summary>
    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }

        set
        {
            lock (_gate)
            {
                _current = value;
            }
        }
    }

    /// <summary>True with probability <paramref name="rate"/>; draws from the random only when 0 &lt; rate &lt; 1.</summary>
    public bool Fires(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        if (rate >= 1)
        {
            return true;
        }

        lock (_gate)
        {
            return random.NextDouble() < rate;
        }
    }

    /// <summary>A fair coin from the same seeded random.</summary>
    public bool CoinFlip() => Fires(0.5);
}
