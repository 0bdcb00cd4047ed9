using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Idempotency;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Sync;
using TillSync.Hq.Web;
using TillSync.Simulation.EInvoicing;
using TillSync.Storage;
using TillSync.Web;

namespace TillSync.Simulation.Nodes;

/// <summary>HQ in the simulation: the real services and endpoints (<see cref="HqApplication.AddHq"/>,
/// <see cref="HqApplication.MapHq"/>) with the real migrations over a real SQLite file, served by an in-process
/// <see cref="TestServer"/> and reading the simulation's clock. A crash drops the whole host — every in-memory state —
/// and a restart builds a new one over the same file. With a <paramref name="portal"/>, HQ registers B2B documents with
/// the simulated e-invoice portal over it (<see cref="HqPortalLink"/>), its worker's rounds stepped by the simulation.</summary>
public sealed class HqNode(string dataDirectory, FakeTimeProvider clock, bool forgetKnownIds, HqBug bug = HqBug.None, PortalLine? portal = null)
    : IAsyncDisposable
{
    /// <summary>The manager token of the simulated HQ.</summary>
    public const string AdminToken = "simulation-manager-token";

    /// <summary>The host name the simulated network gives HQ.</summary>
    public const string HostName = "hq.simulated";

    // Fires inside the sync transaction after the batch's orders, lines, payments, movements and review items are
    // written and before the transaction commits (the till's next_seq is the batch's last write), so the batch rolls
    // back whole: exactly what a process that dies at that moment leaves behind.
    private const string CrashTriggerSql = """
        CREATE TRIGGER IF NOT EXISTS simulation_crash_before_commit BEFORE UPDATE OF next_seq ON tills
        BEGIN SELECT RAISE(ABORT, 'simulated HQ crash: the batch was written but never committed'); END;
        """;

    private WebApplication? _app;
    private HttpMessageInvoker? _invoker;
    private long _managerOperations;

    /// <summary>True while HQ runs.</summary>
    public bool IsUp => _app is not null;

    /// <summary>HQ's SQLite file.</summary>
    public string DatabasePath => Path.Combine(dataDirectory, "hq.db");

    /// <summary>How many times HQ has started.</summary>
    public int Starts { get; private set; }

    /// <summary>Builds HQ over its data directory, applies the migrations and starts serving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync("DROP TRIGGER IF EXISTS simulation_crash_before_commit", cancellationToken);
        var builder = Hosts.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        // The simulated tills and manager address HQ as hq.simulated: a name HQ answers to only when configured.
        // The fewest PBKDF2 iterations a PIN hash may have: every till login hashes the PIN, thousands of times a sweep.
        var options = new HqOptions("http://127.0.0.1:0", dataDirectory, AdminToken, AllowedHosts: [HostName],
            PinIterations: Core.Staff.StaffPin.IterationsMin);
        builder.Services.AddHq(portal is null ? options : HqPortalLink.WithPortal(options));
        if (portal is not null)
        {
            HqPortalLink.Connect(builder.Services, portal);
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        // HQ restarts thousands of times across the seeds; a production-strength slow hash of the manager token would
        // cost ~0.1 s of CPU at each, and hashing is not what the simulation checks.
        builder.Services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1);
        var app = builder.Build();
        app.MapHq();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        foreach (var sql in HqBugs.Sql(bug))
        {
            await ExecuteAsync(sql, cancellationToken);
        }
        await app.Services.GetRequiredService<ManagerTokens>().EnsureAdminAsync(AdminToken, cancellationToken);
        app.Services.GetRequiredService<SyncProcessor>().ForgetKnownIds = forgetKnownIds;
        await app.StartAsync(cancellationToken);
        _app = app;
        _invoker = new HttpMessageInvoker(app.GetTestServer().CreateHandler());
        Starts++;
    }

    /// <summary>HQ's services while it runs (its e-invoice worker's parts, for <see cref="EInvoiceRound"/>).</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("HQ is down")).Services;

    /// <summary>Delivers one request to HQ's endpoints and returns its answer.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (_invoker ?? throw new InvalidOperationException("HQ is down")).SendAsync(request, cancellationToken);

    /// <summary>A manager's request, authenticated with <see cref="AdminToken"/>, as a new operation.</summary>
    public Task<HttpResponseMessage> ManagerSendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken) =>
        ManagerSendAsync(method, path, content, NextOperationKey(), cancellationToken);

    /// <summary>A manager's request with the <c>Idempotency-Key</c> <paramref name="operationKey"/>: the same key again
    /// resends one operation after its answer was lost.</summary>
    public Task<HttpResponseMessage> ManagerSendAsync(
        HttpMethod method, string path, HttpContent? content, string operationKey, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(new Uri($"http://{HostName}/"), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(operationKey));
        return SendAsync(request, cancellationToken);
    }

    /// <summary>The key of a new manager operation: counted rather than drawn, so that the seeded random stream (and so
    /// the run) is the same as without it.</summary>
    public string NextOperationKey() => string.Create(CultureInfo.InvariantCulture, $"simulation-manager-{++_managerOperations:D8}");

    /// <summary>Makes the next sync transaction fail after its writes and before its commit.</summary>
    public Task ArmCrashBeforeCommitAsync(CancellationToken cancellationToken) => ExecuteAsync(CrashTriggerSql, cancellationToken);

    /// <summary>The one-time code of <paramref name="requestId"/> as the customer's phone shows it: read from the SMS HQ
    /// queued in <c>loyalty_code_outbox</c> (the simulation's SMS gateway), or null when HQ queued none.</summary>
    public async Task<string?> SentCodeAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var message = await connection.Command("SELECT message FROM loyalty_code_outbox WHERE request_id = @id")
            .With("@id", requestId.ToString("D")).FirstOrDefaultAsync(r => r.GetString(0), cancellationToken);
        return message?[..Hq.Loyalty.LoyaltyCodes.CodeDigits];
    }

    /// <summary>Kills HQ: the host and every in-memory state go; only what was committed to the file remains.</summary>
    public async Task CrashAsync()
    {
        if (_app is null)
        {
            return;
        }

        _invoker!.Dispose();
        _invoker = null;
        await _app.DisposeAsync(); // disposing HqDatabase closes this file's pooled connections
        _app = null;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(CrashAsync());

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.Command(sql).ExecuteAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
