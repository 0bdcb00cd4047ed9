// `tillsync demo` as a person runs it, as a real process: started as from a terminal, read until its banner, stopped by
// Ctrl-C (SIGINT). Shared by the CLI's demo tests and the browser test of its offline switch.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace TillSync.Testing;

/// <summary>A running <c>tillsync demo</c> and everything it printed.</summary>
public sealed partial class DemoProcess : IDisposable
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    private DemoProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The process.</summary>
    public Process Process { get; }

    /// <summary>What it printed up to its banner's last line.</summary>
    public string Banner { get; private set; } = "";

    /// <summary>The manager token the banner printed.</summary>
    public string ManagerToken => ManagerTokenLine().Match(Banner).Groups[1].Value;

    /// <summary>Starts the demo on <paramref name="data"/> with HQ, the first till and the IRP simulator on the given
    /// loopback ports (the second till takes <paramref name="tillPort"/> + 1) and waits for its banner.</summary>
    public static async Task<DemoProcess> StartAsync(string data, int hqPort, int tillPort, int irpPort)
    {
        // Started as from a terminal, where Ctrl-C reaches the process: a shell that runs the suite in the background
        // (`scripts/test.sh &`) starts it with SIGINT ignored, every child inherits that, and the .NET runtime leaves an
        // inherited ignored SIGINT alone. `env --default-signal=INT` (coreutils) restores it and then becomes dotnet.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var tillsync = TillSyncExecutable.UnderTest();
        foreach (var argument in (string[])["--default-signal=INT", tillsync.FileName, .. tillsync.LeadingArguments, "demo", "--data", data,
                     "--hq-url", $"http://127.0.0.1:{hqPort}", "--till-port", tillPort.ToString(CultureInfo.InvariantCulture),
                     "--irp-url", $"http://127.0.0.1:{irpPort}"])
        {
            start.ArgumentList.Add(argument);
        }

        var run = new DemoProcess(Process.Start(start)!);
        using var timeout = new CancellationTokenSource(Patience.ProcessStart);
        try
        {
            await run.WaitForAsync("Ctrl-C stops everything", timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            run.Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the demo printed no banner within {Patience.ProcessStart.TotalMinutes} min:\n{run.Output()}");
        }

        run.Banner = run.Output();
        return run;
    }

    /// <summary>A loopback port that is free, with the next one free too (the demo's second till takes it).</summary>
    public static int FreePortPair()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                using var next = new TcpListener(IPAddress.Loopback, port + 1);
                next.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("no two free loopback ports in a row");
    }

    /// <summary>Everything printed so far.</summary>
    public string Output()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines);
        }
    }

    /// <summary>Waits until the output holds <paramref name="text"/>; fails at once if the demo exits.</summary>
    public async Task WaitForAsync(string text, CancellationToken cancellationToken)
    {
        while (!Output().Contains(text, StringComparison.Ordinal))
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"the demo exited with {Process.ExitCode}:\n{Output()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Ctrl-C: SIGINT to the process, then its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-INT", Process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(Patience.ProcessStart);
        await Process.WaitForExitAsync(timeout.Token);
        return Process.ExitCode;
    }

    /// <summary>Kills the demo if a test left it running.</summary>
    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _lines.Add(line);
            }
        }
    }

    [GeneratedRegex(@"manager token\s+(\S+)")]
    private static partial Regex ManagerTokenLine();
}
