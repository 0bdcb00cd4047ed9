// Runs the real `tillsync hq` executable as a child process on a loopback port and a temp data dir, so the
// acceptance tests exercise the same binary, HTTP stack and SQLite file an operator runs, including kill -9.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace TillSync.Hq.Tests.Harness;

/// <summary>One HQ server process. Dispose kills it and deletes its data dir.</summary>
public sealed class HqProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "hq: listening on ";
    private const int OutputLinesKept = 2_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock outputLock = new();
    private readonly Queue<string> output = new();
    private readonly SocketsHttpHandler sharedHandler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
    private Process? process;
    private Uri? baseAddress;
    private readonly bool ownsDatabase;

    private HqProcess(string dataDir, string adminToken, string? postgres, bool ownsDatabase)
    {
        DataDir = dataDir;
        AdminToken = adminToken;
        Postgres = postgres;
        this.ownsDatabase = ownsDatabase;
    }

    /// <summary>The PostgreSQL connection string HQ runs on, or null when it runs on SQLite in <see cref="DataDir"/>.</summary>
    public string? Postgres { get; }

    /// <summary>The data dir HQ keeps its SQLite file in; it survives <see cref="KillHard"/> and <see cref="RestartAsync"/>.</summary>
    public string DataDir { get; }

    /// <summary>The manager token passed as <c>--admin-token</c>.</summary>
    public string AdminToken { get; }

    /// <summary>Where the current process listens; changes on restart.</summary>
    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException("HQ is not running.");

    /// <summary>True while the child process runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts HQ with a random manager token on a fresh store of the suite's kind (<see cref="TestStore"/>):
    /// a temp data dir for SQLite, a new database for PostgreSQL.</summary>
    public static async Task<HqProcess> StartAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-hq-tests", Guid.CreateVersion7().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        return await LaunchNewAsync(new HqProcess(dataDir, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), postgres, ownsDatabase: true));
    }

    /// <summary>Starts a second HQ process on the same database as <paramref name="first"/> (the same SQLite file or
    /// PostgreSQL database, the same manager token): two instances behind one load balancer.</summary>
    public static Task<HqProcess> StartSiblingAsync(HqProcess first) =>
        LaunchNewAsync(new HqProcess(first.DataDir, first.AdminToken, first.Postgres, ownsDatabase: false));

    private static async Task<HqProcess> LaunchNewAsync(HqProcess hq)
    {
        try
        {
            await hq.LaunchAsync();
        }
        catch
        {
            await hq.DisposeAsync();
            throw;
        }

        return hq;
    }

    /// <summary>A client on the current address sharing one connection pool, with the given bearer token (none when null).</summary>
    public HttpClient CreateClient(string? bearerToken)
    {
        var client = new HttpClient(sharedHandler, disposeHandler: false);
        Configure(client, bearerToken);
        return client;
    }

    /// <summary>A client with its own connection pool, for tests that need truly separate connections.</summary>
    public HttpClient CreateIsolatedClient(string? bearerToken)
    {
        var client = new HttpClient(new SocketsHttpHandler(), disposeHandler: true);
        Configure(client, bearerToken);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; what a power cut or OOM kill looks like to HQ.</summary>
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
    }

    /// <summary>Kills HQ if it still runs, then starts it again on the same data dir (the port may change).</summary>
    public async Task RestartAsync()
    {
        KillHard();
        process?.Dispose();
        process = null;
        baseAddress = null;
        await LaunchAsync();
    }

    /// <summary>Everything HQ wrote to stdout and stderr so far (the last lines), for failure messages.</summary>
    public string Output(int lastLines = 80)
    {
        lock (outputLock)
        {
            return string.Join('\n', output.Skip(Math.Max(0, output.Count - lastLines)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        KillHard();
        process?.Dispose();
        sharedHandler.Dispose();
        if (!ownsDatabase)
        {
            return;
        }

        if (Postgres is not null)
        {
            await TestStore.DropPostgresDatabaseAsync(Postgres);
        }

        // SQLite may still be releasing the file on a slow machine; try a few times, then leave it to the OS.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(DataDir))
                {
                    Directory.Delete(DataDir, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private void Configure(HttpClient client, string? bearerToken)
    {
        client.BaseAddress = BaseAddress;
        client.Timeout = TimeSpan.FromSeconds(60);
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

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
        foreach (var argument in (string[])
                 [dll, "hq", "--urls", "http://127.0.0.1:0", "--data", DataDir, "--admin-token", AdminToken])
        {
            start.ArgumentList.Add(argument);
        }

        // The tests decide every option; inherited TILLSYNC_* settings must not leak in. The connection string goes
        // through the environment twin so that it never shows in a process listing.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("TILLSYNC_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        if (Postgres is not null)
        {
            start.Environment["TILLSYNC_POSTGRES"] = Postgres;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = new Process { StartInfo = start, EnableRaisingEvents = true };
        child.OutputDataReceived += (_, e) => OnLine(e.Data, "out", listening);
        child.ErrorDataReceived += (_, e) => OnLine(e.Data, "err", listening);
        child.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException("HQ exited before it was listening."));
        AppendOutput($"[harness] starting HQ on {DataDir}");
        if (!child.Start())
        {
            throw new InvalidOperationException("Process.Start returned false for HQ.");
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
                    $"HQ did not print '{ListeningPrefix}<url>' within {StartTimeout.TotalSeconds} s ({e.Message}). Output:\n{Output(200)}"),
                e);
        }
    }

    private void OnLine(string? line, string stream, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        AppendOutput($"[{stream}] {line}");
        var at = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (stream == "out" && at >= 0
            && Uri.TryCreate(line[(at + ListeningPrefix.Length)..].Trim(), UriKind.Absolute, out var url))
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
