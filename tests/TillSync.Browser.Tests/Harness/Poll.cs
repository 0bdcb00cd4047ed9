// Waits for a condition with a deadline instead of sleeping a fixed time: the test moves on as soon as the system
// is ready, and fails with what it last saw when the system is not ready in time.
using System.Diagnostics;
using Xunit.Sdk;

namespace TillSync.Browser.Tests.Harness;

/// <summary>Polling with a deadline.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds; returns the value that satisfied it.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new XunitException($"Not done within {timeout.TotalSeconds} s: {describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }
}
