// Runs the real `tillsync hq` executable as a child process on a loopback port and a temp data dir, so the
// acceptance tests exercise the same binary, HTTP stack and SQLite file an operator runs, including kill -9.
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace TillSync.Testing;

/// <summary>One HQ server process. Dispose kills it and deletes its data dir.</summary>
public sealed class HqProcess : IServerOutput, IAsyncDisposable
{
    private readonly ServerOutput output = new();
    private readonly SocketsHttpHandler sharedHandler = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
    private readonly bool ownsDatabase;
    private ServerProcess? process;

    private HqProcess(string dataDir, string adminToken, string? postgres, bool ownsDatabase, Uri? irpUrl = null)
    {
        IrpUrl = irpUrl;
        DataDir = dataDir;
        AdminToken = adminToken;
        Postgres = postgres;
        this.ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public string Name => "HQ";

    /// <summary>The PostgreSQL connection string HQ runs on, or null when it runs on SQLite in <see cref="DataDir"/>.</summary>
    public string? Postgres { get; }

    /// <summary>The IRP HQ registers B2B bills with (<c>--irp-url</c>), or null.</summary>
    public Uri? IrpUrl { get; }

    /// <summary>The data dir HQ keeps its SQLite file in; it survives <see cref="KillHard"/> and <see cref="RestartAsync"/>.</summary>
    public string DataDir { get; }

    /// <summary>The manager token passed as <c>--admin-token</c>.</summary>
    public string AdminToken { get; }

    /// <summary>Where the current process listens; changes on restart.</summary>
    public Uri BaseAddress => process?.BaseAddress ?? throw new InvalidOperationException("HQ is not running.");

    /// <summary>True while the child process runs.</summary>
    public bool IsRunning => process is { IsRunning: true };

    /// <summary>Starts HQ with a random manager token on a fresh store of the suite's kind (<see cref="TestStore"/>):
    /// a temp data dir for SQLite, a new database for PostgreSQL.</summary>
    /// <param name="irpUrl">The IRP to register B2B bills with (<c>--irp-url</c>), or null for none.</param>
    public static async Task<HqProcess> StartAsync(Uri? irpUrl = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-hq-tests", Guid.CreateVersion7().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        return await LaunchNewAsync(new HqProcess(dataDir, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), postgres, ownsDatabase: true, irpUrl));
    }

    /// <summary>Starts a second HQ process on the same database as <paramref name="first"/> (the same SQLite file or
    /// PostgreSQL database, the same manager token): two instances behind one load balancer.</summary>
    public static Task<HqProcess> StartSiblingAsync(HqProcess first) =>
        LaunchNewAsync(new HqProcess(first.DataDir, first.AdminToken, first.Postgres, ownsDatabase: false, first.IrpUrl));

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
    public void KillHard() => process?.KillHard();

    /// <summary>Kills HQ if it still runs, then starts it again on the same data dir (the port may change).</summary>
    public async Task RestartAsync()
    {
        KillHard();
        await StartAgainAsync();
    }

    /// <summary>Starts HQ again after <see cref="KillHard"/>, on the same data dir (the port may change): between the two a
    /// test may change the files, e.g. restore an older backup.</summary>
    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("HQ is still running; KillHard it first.");
        }

        process?.Dispose();
        process = null;
        await LaunchAsync();
    }

    /// <summary>Everything HQ wrote to stdout and stderr so far (the last lines), for failure messages.</summary>
    public string Output(int lastLines = 80) => output.Tail(lastLines);

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

        await TempDirectory.DeleteAsync(DataDir);
    }

    private void Configure(HttpClient client, string? bearerToken)
    {
        client.BaseAddress = BaseAddress;
        client.Timeout = Patience.Request;
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    private async Task LaunchAsync()
    {
        // The connection string goes through the environment twin so that it never shows in a process listing.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Postgres is not null)
        {
            environment["TILLSYNC_POSTGRES"] = Postgres;
        }

        if (IrpUrl is not null)
        {
            environment["TILLSYNC_IRP_URL"] = IrpUrl.ToString();
        }

        // Tests have no SMS gateway: they read loyalty one-time codes from HQ's log (LoyaltyCalls.CodeFromLogAsync).
        environment["TILLSYNC_LOG_LOYALTY_CODES"] = "true";

        output.Append($"[harness] HQ data in {DataDir}");
        process = await ServerProcess.StartAsync(
            "hq", ["--urls", "http://127.0.0.1:0", "--data", DataDir, "--admin-token", AdminToken], environment, output);
    }
}
