using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TillSync.Simulation.Runs;

/// <summary>The run's event trace: every event, on the simulated clock, folded into one SHA-256. Two runs of one seed
/// must produce the same hash; the last lines are kept for failure messages.</summary>
public sealed class Trace : IDisposable
{
    private const int TailLinesMax = 40;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Queue<string> _tail = new();

    /// <summary>Events recorded so far.</summary>
    public long Count { get; private set; }

    /// <summary>Records one event at <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, string text)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff} {text}");
        _hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        Count++;
        _tail.Enqueue(line);
        if (_tail.Count > TailLinesMax)
        {
            _tail.Dequeue();
        }
    }

    /// <summary>The hash of every event so far, lowercase hex.</summary>
    public string Hash() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <summary>The last events, oldest first.</summary>
    public IReadOnlyList<string> Tail() => [.. _tail];

    /// <inheritdoc />
    public void Dispose() => _hash.Dispose();
}
