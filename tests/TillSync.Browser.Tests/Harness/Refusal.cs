// The web boundary's warnings in a server's log ("Refused POST /api/sales with 403: …"): proof that a request the
// browser sent reached the server and was refused there, not merely kept from the page by the browser.
using System.Globalization;
using System.Text.RegularExpressions;

namespace TillSync.Browser.Tests.Harness;

/// <summary>One kind of refusal and how many of it a test expects.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The exact path, without the query.</param>
/// <param name="Status">403, 415 or 421.</param>
/// <param name="Count">How many such requests the test sent.</param>
public sealed record Refusal(string Method, string Path, int Status, int Count)
{
    /// <summary>How many times <paramref name="serverOutput"/> logs this refusal.</summary>
    public int CountIn(string serverOutput) =>
        Regex.Count(serverOutput, string.Create(CultureInfo.InvariantCulture, $@"Refused {Method} {Regex.Escape(Path)} with {Status}:"));

    /// <summary>Waits until <paramref name="serverOutput"/> logs each of <paramref name="expected"/> at least its count.</summary>
    public static Task WaitAsync(Func<string> serverOutput, IReadOnlyList<Refusal> expected, TimeSpan timeout) =>
        Poll.UntilAsync(() => Task.FromResult(serverOutput()), output => expected.All(r => r.CountIn(output) >= r.Count), timeout,
            output => "refusals missing from the server's log: " + string.Join("; ",
                expected.Where(r => r.CountIn(output) < r.Count).Select(r => $"{r.Method} {r.Path} {r.Status}: {r.CountIn(output)} of {r.Count}"))
                + $"\n--- server output ---\n{string.Join('\n', output.Split('\n').TakeLast(60))}");
}
