// Runs one verb of the real `tillsync` executable as a child process and waits for its "<verb>: listening on <url>"
// line; the tests end it with SIGKILL, which is what a power cut or an OOM kill looks like to the process.
using System.Diagnostics;
using System.Globalization;

namespace TillSync.Testing;

/// <summary>One running <c>tillsync</c> process. <see cref="KillHard"/> ends it; so does Dispose, which also releases the handle.</summary>
public sealed class ServerProcess : IDisposable
{
    // A process that exits before it listens fails at once; this bounds only a start that hangs.
    private static readonly TimeSpan StartTimeout = Patience.ProcessStart;

    private readonly Process process;
    private readonly ServerOutput output;

    private ServerProcess(Process process, ServerOutput output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OS process id.</summary>
    public int Id => process.Id;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !process.HasExited;

    /// <summary>Starts <c>tillsync &lt;verb&gt; arguments…</c> with no inherited <c>TILLSYNC_*</c> setting except those in
    /// <paramref name="environment"/> (secrets go there, never on the command line), and waits until it listens.
    /// <paramref name="executable"/> says which tillsync (default: the build beside the tests). With
    /// <paramref name="fileSizeLimitKib"/>, the process may not grow any file beyond that many KiB (RLIMIT_FSIZE, with
    /// SIGXFSZ ignored): a write past it fails as it would on a full disk.</summary>
    public static async Task<ServerProcess> StartAsync(
        string verb, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, ServerOutput output,
        TillSyncExecutable? executable = null, int? fileSizeLimitKib = null)
    {
        var start = CliProcess.StartInfo([verb, .. arguments], environment, executable);
        start.RedirectStandardInput = true;
        if (fileSizeLimitKib is { } limit)
        {
            // bash sets the limit, ignores the signal (inherited across exec) and becomes tillsync: one process.
            var command = start.ArgumentList.ToList();
            start.ArgumentList.Clear();
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"trap '' XFSZ; ulimit -f {limit}; exec \"$0\" \"$@\""));
            start.ArgumentList.Add(start.FileName);
            foreach (var argument in command)
            {
                start.ArgumentList.Add(argument);
            }

            start.FileName = "/bin/bash";
            // The runtime maps its executable memory twice through a file sized beyond any small limit (W^X); without
            // it, only the process's own files meet the limit.
            start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        }

        var prefix = verb + ": listening on ";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = new Process { StartInfo = start, EnableRaisingEvents = true };
        child.OutputDataReceived += (_, e) => OnLine(e.Data, "out", prefix, listening, output);
        child.ErrorDataReceived += (_, e) => OnLine(e.Data, "err", prefix, listening, output);
        child.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"{verb} exited before it was listening."));
        output.Append($"[harness] starting tillsync {verb}");
        if (!child.Start())
        {
            throw new InvalidOperationException($"Process.Start returned false for tillsync {verb}.");
        }

        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            output.Append(string.Create(CultureInfo.InvariantCulture, $"[harness] {verb} pid {child.Id} listening on {address}"));
            return new ServerProcess(child, output, address);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            Kill(child, output);
            child.Dispose();
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"tillsync {verb} did not print '{prefix}<url>' within {StartTimeout.TotalSeconds} s ({e.Message}). Output:\n{output.Tail(200)}"), e);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush. Returns once the process is gone.</summary>
    public void KillHard() => Kill(process, output);

    /// <summary>Kills the process if it still runs (a test's server never outlives the test), then releases the handle.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill(process, output);
        }

        process.Dispose();
    }

    private static void Kill(Process process, ServerOutput output)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
        output.Append(string.Create(CultureInfo.InvariantCulture, $"[harness] killed hard, exit code {process.ExitCode}"));
    }

    private static void OnLine(string? line, string stream, string prefix, TaskCompletionSource<Uri> listening, ServerOutput output)
    {
        if (line is null)
        {
            return;
        }

        output.Append($"[{stream}] {line}");
        var at = line.IndexOf(prefix, StringComparison.Ordinal);
        if (stream == "out" && at >= 0 && Uri.TryCreate(line[(at + prefix.Length)..].Trim(), UriKind.Absolute, out var url))
        {
            listening.TrySetResult(url);
        }
    }
}
