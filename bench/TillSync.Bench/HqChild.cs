using System.Diagnostics;

namespace TillSync.Bench;

/// <summary>A `tillsync hq` child process on a free loopback port, stopped and cleaned up on dispose.</summary>
internal sealed class HqChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private HqChild(Process process, string dataDir, Uri baseAddress)
    {
        _process = process;
        _dataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The process id, for reading its memory from <c>/proc</c>.</summary>
    public int ProcessId => _process.Id;

    /// <summary>HQ's data directory (hq.db on SQLite).</summary>
    public string DataDir => _dataDir;

    public static async Task<HqChild> StartAsync(string dataDir, string adminToken, string? postgres)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "tillsync.dll"), "hq", "--urls", "http://127.0.0.1:0", "--data", dataDir])
        {
            start.ArgumentList.Add(arg);
        }

        // Secrets through the environment, never the command line that `ps` shows.
        start.Environment["TILLSYNC_ADMIN_TOKEN"] = adminToken;
        if (postgres is not null)
        {
            start.Environment["TILLSYNC_POSTGRES"] = postgres;
        }

        // Quiet request logs: the benchmark measures HQ, not its console.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tillsync");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"hq: {e.Data}"); } };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string prefix = "hq: listening on ";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                _ = DrainAsync(process.StandardOutput);
                return new HqChild(process, dataDir, new Uri(line[prefix.Length..]));
            }
        }

        throw new InvalidOperationException("tillsync hq exited before listening");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static async Task DrainAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is not null)
        {
        }
    }
}
