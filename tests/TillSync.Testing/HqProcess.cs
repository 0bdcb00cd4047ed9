// Runs the real `tillsync hq` executable as a child process on a loopback port and a temp data dir, so the
// acceptance tests exercise the same binary, HTTP stack and SQLite file an operator runs, including kill -9.
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace TillSync.Testing;

/// <summary>One HQ server process. Dispose kills it and deletes its data dir.</summary>
public sealed class HqProcess : IServerOutput, IAsyncDisposable
{
    private readonly ServerOutput output = new();
    private readonly IdempotencyKeys sharedHandler;
    private readonly bool ownsDatabase;
    private readonly TestCertificate? https;
    private readonly TillSyncExecutable? executable;
    private ServerProcess? process;
    private bool jsonLogsWithoutCodes;
    private bool irpSandbox;

    private HqProcess(
        string dataDir, string adminToken, string? postgres, bool ownsDatabase, IrpAccess? irp = null, TestCertificate? https = null,
        string? trustedProxies = null, TillSyncExecutable? executable = null)
    {
        this.https = https;
        this.executable = executable;
        TrustedProxies = trustedProxies;
        sharedHandler = new IdempotencyKeys(WaitingForContinue(https?.TrustingHandler() ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }));
        Irp = irp;
        DataDir = dataDir;
        AdminToken = adminToken;
        Postgres = postgres;
        this.ownsDatabase = ownsDatabase;
    }

    /// <inheritdoc />
    public string Name => "HQ";

    /// <summary>The PostgreSQL connection string HQ runs on, or null when it runs on SQLite in <see cref="DataDir"/>.</summary>
    public string? Postgres { get; }

    /// <summary>The reverse proxies HQ believes forwarded headers from (<c>--trusted-proxies</c>), or null for none.</summary>
    public string? TrustedProxies { get; }

    /// <summary>The IRP HQ registers B2B bills with and signs in to (<c>--irp-url</c>, <c>--irp-*</c>), or null.</summary>
    public IrpAccess? Irp { get; }

    /// <summary>The PBKDF2 iterations every test HQ hashes new staff PINs with (<c>--pin-iterations</c>), the fewest HQ takes.</summary>
    public const int PinIterations = 1_000;

    /// <summary>The data dir HQ keeps its SQLite file in; it survives <see cref="KillHard"/> and <see cref="RestartAsync"/>.</summary>
    public string DataDir { get; }

    /// <summary>The manager token, passed as <c>TILLSYNC_ADMIN_TOKEN</c>.</summary>
    public string AdminToken { get; }

    /// <summary>Where the current process listens; changes on restart.</summary>
    public Uri BaseAddress => process?.BaseAddress ?? throw new InvalidOperationException("HQ is not running.");

    /// <summary>True while the child process runs.</summary>
    public bool IsRunning => process is { IsRunning: true };

    /// <summary>Starts HQ with a random manager token on a fresh store of the suite's kind (<see cref="TestStore"/>):
    /// a temp data dir for SQLite, a new database for PostgreSQL.</summary>
    /// <param name="irp">The IRP to register B2B bills with and how to sign in to it, or null for none.</param>
    /// <param name="trustedProxies">Addresses HQ believes <c>X-Forwarded-For</c> from (<c>--trusted-proxies</c>), or null for none.</param>
    /// <param name="executable">Which tillsync runs HQ; null for the build beside the tests.</param>
    public static Task<HqProcess> StartAsync(IrpAccess? irp = null, string? trustedProxies = null, TillSyncExecutable? executable = null) =>
        StartNewAsync(irp, null, trustedProxies, executable);

    /// <summary>Starts HQ as <see cref="StartAsync"/> does, but serving only HTTPS with <paramref name="certificate"/>
    /// (<c>--cert-file</c>, <c>--cert-key-file</c>); its clients trust that certificate.</summary>
    public static Task<HqProcess> StartHttpsAsync(TestCertificate certificate) => StartNewAsync(null, certificate, null, null);

    private static async Task<HqProcess> StartNewAsync(IrpAccess? irp, TestCertificate? https, string? trustedProxies, TillSyncExecutable? executable)
    {
        // HQ creates the data dir itself (owner-only), as it does for an operator.
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-hq-tests", Guid.CreateVersion7().ToString("N"));
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        return await LaunchNewAsync(new HqProcess(
            dataDir, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), postgres, ownsDatabase: true, irp, https, trustedProxies, executable));
    }

    /// <summary>Starts HQ as <see cref="StartAsync"/> does, logging JSON (<c>--log-format json</c>) and, as in production,
    /// never loyalty codes: for tests that read the logs as an operator's log shipper would.</summary>
    public static async Task<HqProcess> StartWithJsonLogsAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-hq-tests", Guid.CreateVersion7().ToString("N"));
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        return await LaunchNewAsync(new HqProcess(dataDir, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), postgres, ownsDatabase: true)
        {
            jsonLogsWithoutCodes = true,
        });
    }

    /// <summary>Starts HQ as <see cref="StartAsync"/> does with <paramref name="irp"/>, set for NIC's sandbox
    /// (<c>--irp-sandbox</c>): GSTINs are held to the e-invoice schema's pattern only.</summary>
    public static async Task<HqProcess> StartSandboxAsync(IrpAccess irp)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-hq-tests", Guid.CreateVersion7().ToString("N"));
        var postgres = TestStore.IsPostgres ? await TestStore.CreatePostgresDatabaseAsync() : null;
        return await LaunchNewAsync(new HqProcess(dataDir, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), postgres, ownsDatabase: true, irp)
        {
            irpSandbox = true,
        });
    }

    /// <summary>Starts HQ on the PostgreSQL database <paramref name="postgres"/> (e.g. one restored from a dump), with
    /// <paramref name="adminToken"/>; dispose drops that database.</summary>
    public static Task<HqProcess> StartOnPostgresAsync(string postgres, string adminToken) =>
        LaunchNewAsync(new HqProcess(
            Path.Combine(Path.GetTempPath(), "tillsync-hq-tests", Guid.CreateVersion7().ToString("N")), adminToken, postgres, ownsDatabase: true));

    /// <summary>Starts a second HQ process on the same database as <paramref name="first"/> (the same SQLite file or
    /// PostgreSQL database, the same manager token): two instances behind one load balancer.</summary>
    public static Task<HqProcess> StartSiblingAsync(HqProcess first) =>
        LaunchNewAsync(new HqProcess(first.DataDir, first.AdminToken, first.Postgres, ownsDatabase: false, first.Irp, first.https, first.TrustedProxies));

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
        var client = new HttpClient(new IdempotencyKeys(https?.TrustingHandler() ?? new SocketsHttpHandler()), disposeHandler: true);
        Configure(client, bearerToken);
        return client;
    }

    // A request with Expect: 100-continue sends its body only once HQ asks for it, so that HQ can refuse a body too large by
    // its Content-Length before it is sent (an early 413 and close would otherwise race the upload and the client would
    // see a broken pipe). The handler's default gives up waiting after 1 s and sends anyway, which a busy machine reaches.
    private static SocketsHttpHandler WaitingForContinue(SocketsHttpHandler handler)
    {
        handler.Expect100ContinueTimeout = TimeSpan.FromMinutes(1);
        return handler;
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

        foreach (var (name, value) in Irp?.Environment() ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        if (TrustedProxies is not null)
        {
            environment["TILLSYNC_TRUSTED_PROXIES"] = TrustedProxies;
        }

        // Tests have no SMS gateway: they read loyalty one-time codes from HQ's log (LoyaltyCalls.CodeFromLogAsync).
        environment["TILLSYNC_LOG_LOYALTY_CODES"] = jsonLogsWithoutCodes ? "false" : "true";
        if (jsonLogsWithoutCodes)
        {
            environment["TILLSYNC_LOG_FORMAT"] = "json";
        }

        if (irpSandbox)
        {
            environment["TILLSYNC_IRP_SANDBOX"] = "true";
        }

        // New PINs are hashed with few iterations: the suite adds staff and logs cashiers in hundreds of times, and each
        // hash at the default count takes about 0.25 s of a core (StaffTests checks the count reaches the till).
        environment["TILLSYNC_PIN_ITERATIONS"] = PinIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // So does the manager token.
        environment["TILLSYNC_ADMIN_TOKEN"] = AdminToken;
        output.Append($"[harness] HQ data in {DataDir}");
        string[] listen = https is null
            ? ["--urls", "http://127.0.0.1:0"]
            : ["--urls", "https://127.0.0.1:0", "--cert-file", https.CertificateFile, "--cert-key-file", https.KeyFile];
        process = await ServerProcess.StartAsync("hq", [.. listen, "--data", DataDir], environment, output, executable);
    }
}
