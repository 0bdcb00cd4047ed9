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

    private readonly IReadOnlyList<string> extraArguments;

    private readonly TillSyncExecutable? executable;

    private TillProcess(
        Uri hqUrl, string token, string dataDir, IReadOnlyList<string> extraArguments, TillSyncExecutable? executable = null,
        int? fileSizeLimitKib = null)
    {
        this.executable = executable;
        HqUrl = hqUrl;
        this.token = token;
        DataDir = dataDir;
        this.extraArguments = extraArguments;
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

    /// <summary>Starts <c>tillsync till --hq <paramref name="hqUrl"/></c> with the till's token on a new data dir, and
    /// <paramref name="extraArguments"/> (e.g. <c>--hq-ca-file</c>) after the harness's own.</summary>
    public static Task<TillProcess> StartAsync(Uri hqUrl, string token, params string[] extraArguments) =>
        StartAsync(new TillProcess(hqUrl, token, TempDirectory.Reserve("till"), extraArguments));

    /// <summary>Starts <c>tillsync till --hq <paramref name="hqUrl"/></c> as above, run by <paramref name="executable"/>
    /// (null: the build beside the tests).</summary>
    public static Task<TillProcess> StartAsync(Uri hqUrl, string token, TillSyncExecutable? executable, params string[] extraArguments) =>
        StartAsync(new TillProcess(hqUrl, token, TempDirectory.Reserve("till"), extraArguments, executable));

    /// <summary>Starts a till as above on which no file may grow past <paramref name="fileSizeLimitKib"/>, as if its disk
    /// were that full.</summary>
    public static Task<TillProcess> StartAsync(Uri hqUrl, string token, int fileSizeLimitKib) =>
        StartAsync(new TillProcess(hqUrl, token, TempDirectory.Reserve("till"), [], fileSizeLimitKib: fileSizeLimitKib));

    private static async Task<TillProcess> StartAsync(TillProcess till)
    {
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
                .. extraArguments,
            ],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["TILLSYNC_TOKEN"] = token },
            output, executable, fileSizeLimitKib);
        api = new TillApi(process.BaseAddress, this);
    }
}
