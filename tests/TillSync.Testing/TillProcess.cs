// Runs the real `tillsync till` executable as a child process on a loopback port with its own data dir, so that the
// tests exercise the binary a shop runs: its SQLite file, its sync agent, its HTTP API, and what kill -9 leaves behind.
using System.Globalization;

namespace TillSync.Testing;

/// <summary>One till process. It keeps its data dir across <see cref="KillHard"/> and restarts; dispose deletes it.</summary>
public sealed class TillProcess : IServerOutput, IAsyncDisposable
{
    /// <summary>The backoff cap the tests run tills with, so that a retry after an outage comes within seconds.</summary>
    public static readonly TimeSpan SyncBackoffMax = TimeSpan.FromSeconds(2);

    private readonly ServerOutput output = new();
    private readonly string token;
    private readonly int? fileSizeLimitKib;
    private ServerProcess? process;
    private TillApi? api;

    private TillProcess(Uri hqUrl, string token, string dataDir, int? fileSizeLimitKib = null)
    {
        HqUrl = hqUrl;
        this.token = token;
        DataDir = dataDir;
        this.fileSizeLimitKib = fileSizeLimitKib;
    }

    /// <inheritdoc />
    public string Name => "till";

    /// <summary>The HQ address the till was started with.</summary>
    public Uri HqUrl { get; }

    /// <summary>Holds <c>till.db</c>.</summary>
    public string DataDir { get; }

    /// <summary>A client of the running till; a new one after each restart (the port changes).</summary>
    public TillApi Api => api ?? throw new InvalidOperationException("The till is not running.");

    /// <summary>True while the child process runs.</summary>
    public bool IsRunning => process is { IsRunning: true };

    /// <summary>Starts <c>tillsync till --hq <paramref name="hqUrl"/></c> with the till's token on a new data dir; with
    /// <paramref name="fileSizeLimitKib"/>, no file of the till may grow past that size, as if its disk were that full.</summary>
    public static async Task<TillProcess> StartAsync(Uri hqUrl, string token, int? fileSizeLimitKib = null)
    {
        var till = new TillProcess(hqUrl, token, TempDirectory.Create("till"), fileSizeLimitKib);
        try
        {
            await till.LaunchAsync();
        }
        catch
        {
            await till.DisposeAsync();
            throw;
        }

        return till;
    }

    /// <summary>SIGKILL at once: whatever the till was doing (a sale, a sync) stops mid-way, as in a power cut.</summary>
    public void KillHard() => process?.KillHard();

    /// <summary>Kills the till if it still runs and starts it again on the same data dir.</summary>
    public async Task RestartAsync()
    {
        KillHard();
        process?.Dispose();
        process = null;
        api?.Dispose();
        api = null;
        await LaunchAsync();
    }

    /// <inheritdoc />
    public string Output(int lastLines = 80) => output.Tail(lastLines);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        KillHard();
        process?.Dispose();
        api?.Dispose();
        await TempDirectory.DeleteAsync(DataDir);
    }

    private async Task LaunchAsync()
    {
        output.Append($"[harness] till data in {DataDir}");
        // The token goes through its environment twin so that it never shows in a process listing.
        process = await ServerProcess.StartAsync("till",
            [
                "--hq", HqUrl.ToString(), "--data", DataDir, "--urls", "http://127.0.0.1:0",
                "--sync-backoff-max", string.Create(CultureInfo.InvariantCulture, $"{SyncBackoffMax.TotalSeconds}s"),
            ],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TILLSYNC_TOKEN"] = token },
            output, fileSizeLimitKib);
        api = new TillApi(process.BaseAddress, this);
    }
}
