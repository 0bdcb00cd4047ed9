// Runs one verb of the real `tillsync` executable (`hq` or `till`) as a child process and waits for its
// "<verb>: listening on URL" line, so the browser tests drive the same binary, HTTP stack and SQLite files an
// operator runs, including a kill -9 and a restart on the same port.
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TillSync.Browser.Tests.Harness;

/// <summary>One <c>tillsync VERB …</c> child process. Dispose kills it; the caller owns its data dir.</summary>
public sealed class ServerProcess : IDisposable
{
    private const int OutputLinesKept = 2_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);

    private readonly Lock outputLock = new();
    private readonly Queue<string> output = new();
    private readonly string verb;
    private readonly IReadOnlyList<string> arguments;
    private Process? process;
    private Uri? baseAddress;

    private ServerProcess(string verb, IReadOnlyList<string> arguments)
    {
        this.verb = verb;
        this.arguments = arguments;
    }

    /// <summary>Where the current process listens.</summary>
    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException($"{verb} is not running.");

    /// <summary>True while the child process runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts <c>tillsync VERB ARGUMENTS…</c> and waits until it prints where it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string verb, IReadOnlyList<string> arguments)
    {
        var server = new ServerProcess(verb, arguments);
        try
        {
            await server.LaunchAsync();
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; what a power cut or a pulled cable looks like from outside.</summary>
    public void KillHard()
    {
        var running = process;
        if (running is null)
        {
            return;
        }

        try
        {
            running.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        running.WaitForExit();
        AppendOutput($"[harness] killed hard, exit code {running.ExitCode}");
        running.Dispose();
        process = null;
        baseAddress = null;
    }

    /// <summary>Starts the same command again (same arguments, so the same port and data dir).</summary>
    public Task RestartAsync()
    {
        KillHard();
        return LaunchAsync();
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output(int lastLines = 80)
    {
        lock (outputLock)
        {
            return string.Join('\n', output.Skip(Math.Max(0, output.Count - lastLines)));
        }
    }

    public void Dispose() => KillHard();

    private async Task LaunchAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tillsync.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("tillsync.dll was not copied beside the tests; is TillSync.Cli referenced?", dll);
        }

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The tests decide every option; inherited TILLSYNC_* settings must not leak in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TILLSYNC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var prefix = $"{verb}: listening on ";
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = new Process { StartInfo = start, EnableRaisingEvents = true };
        child.OutputDataReceived += (_, e) => OnLine(e.Data, "out", prefix, listening);
        child.ErrorDataReceived += (_, e) => OnLine(e.Data, "err", prefix, listening);
        child.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"{verb} exited before it was listening."));
        AppendOutput($"[harness] starting tillsync {verb}");
        if (!child.Start())
        {
            child.Dispose();
            throw new InvalidOperationException($"Process.Start returned false for tillsync {verb}.");
        }

        process = child;
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            baseAddress = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            KillHard();
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture,
                    $"tillsync {verb} did not print '{prefix}<url>' within {StartTimeout.TotalSeconds} s ({e.Message}). Output:\n{Output(200)}"),
                e);
        }
    }

    private void OnLine(string? line, string stream, string prefix, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        AppendOutput($"[{stream}] {line}");
        var at = line.IndexOf(prefix, StringComparison.Ordinal);
        if (stream == "out" && at >= 0 && Uri.TryCreate(line[(at + prefix.Length)..].Trim(), UriKind.Absolute, out var url))
        {
            listening.TrySetResult(url);
        }
    }

    private void AppendOutput(string line)
    {
        lock (outputLock)
        {
            output.Enqueue(line);
            while (output.Count > OutputLinesKept)
            {
                output.Dequeue();
            }
        }
    }

    private static string DotnetHost()
    {
        // `dotnet test` sets DOTNET_HOST_PATH to the muxer that runs it; fall back to PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
