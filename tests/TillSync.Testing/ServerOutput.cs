// The last lines a server process printed, kept across its restarts, so that a failing assertion can show what HQ or
// the till was doing at the time instead of only the HTTP status the test saw.
namespace TillSync.Testing;

/// <summary>A server under test whose recent output explains a failure.</summary>
public interface IServerOutput
{
    /// <summary>"HQ", "till", … for failure messages.</summary>
    string Name { get; }

    /// <summary>The last <paramref name="lastLines"/> lines it printed.</summary>
    string Output(int lastLines = 80);
}

/// <summary>A bounded, thread-safe log of a process's output lines.</summary>
public sealed class ServerOutput
{
    private const int LinesKept = 2_000;
    private readonly Lock gate = new();
    private readonly Queue<string> lines = new();

    /// <summary>Adds a line, dropping the oldest beyond the limit.</summary>
    public void Append(string line)
    {
        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > LinesKept)
            {
                lines.Dequeue();
            }
        }
    }

    /// <summary>The last <paramref name="lastLines"/> lines.</summary>
    public string Tail(int lastLines)
    {
        lock (gate)
        {
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - lastLines)));
        }
    }
}
