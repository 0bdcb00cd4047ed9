// Runs the real `tillsync` executable once, to its exit, as an operator's shell would: for commands that answer and end
// (till status, a refused option), not for servers (ServerProcess).
using System.Diagnostics;
using System.Text;

namespace TillSync.Testing;

/// <summary>One run of <c>tillsync ARGUMENTS…</c> to its exit.</summary>
public static class CliProcess
{
    private static readonly TimeSpan ExitTimeout = Patience.ProcessStart;

    /// <summary>Runs <c>tillsync <paramref name="arguments"/></c> with no inherited <c>TILLSYNC_*</c> setting except those in
    /// <paramref name="environment"/>; returns its exit code and what it wrote to stdout and stderr.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ExitTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tillsync {string.Join(' ', arguments)} did not exit within {ExitTimeout.TotalMinutes} min.");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>How to start <c>tillsync <paramref name="arguments"/></c> with its output redirected (UTF-8) and no inherited
    /// <c>TILLSYNC_*</c> setting except those in <paramref name="environment"/>: the tests decide every option.
    /// <paramref name="executable"/> says which tillsync (default: the build under test, TillSyncExecutable.UnderTest).</summary>
    public static ProcessStartInfo StartInfo(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TillSyncExecutable? executable = null)
    {
        executable ??= TillSyncExecutable.UnderTest();
        var start = new ProcessStartInfo(executable.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in executable.LeadingArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // With a clean environment the process sees only what the test gives; otherwise the test's less its TILLSYNC_*.
        foreach (var name in start.Environment.Keys
            .Where(k => executable.CleanEnvironment is not null || k.StartsWith("TILLSYNC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in (executable.CleanEnvironment ?? new Dictionary<string, string>()).Concat(environment))
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Runs <c>tillsync <paramref name="arguments"/></c> with no <c>TILLSYNC_*</c> setting.</summary>
    public static Task<(int Exit, string Output)> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);
}
