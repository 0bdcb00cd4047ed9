// Waits for a condition with a deadline instead of sleeping a fixed time: a test polls what it can observe (a till's
// status, HQ's order count) and fails with the last observation when the deadline passes.
using System.Diagnostics;
using System.Globalization;
using Xunit.Sdk;

namespace TillSync.Testing;

/// <summary>Bounded polling.</summary>
public static class Eventually
{
    /// <summary>How often a condition is checked.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Probes until <paramref name="done"/> holds and returns that observation; after <paramref name="timeout"/>
    /// fails with <paramref name="what"/>, the last observation and <paramref name="server"/>'s output. Runs
    /// <paramref name="betweenPolls"/> (e.g. advancing a fake clock) after each probe that did not satisfy it.</summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what, IServerOutput? server = null,
        Func<Task>? betweenPolls = null)
    {
        var clock = Stopwatch.StartNew();
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            if (clock.Elapsed > timeout)
            {
                break;
            }

            if (betweenPolls is not null)
            {
                await betweenPolls();
            }

            await Task.Delay(PollInterval);
        }

        var observed = last is System.Collections.ICollection items ? $"{items.Count} items" : $"{last}";
        var output = server is null ? "" : $"\n--- {server.Name} output ---\n{server.Output(60)}";
        throw new XunitException(string.Create(CultureInfo.InvariantCulture,
            $"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}. Last observed: {observed}{output}"));
    }
}
