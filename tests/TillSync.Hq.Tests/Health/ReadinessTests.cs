// Proves /readyz answers 503 while HQ's database cannot be read and 200 again once it can, with HQ running throughout,
// and that an unreachable e-invoice portal leaves HQ ready but degraded. A real `tillsync hq` on the suite's store.
using System.Net;
using System.Net.Sockets;
using Npgsql;
using TillSync.Contracts;
using TillSync.Contracts.Status;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Health;

public sealed class ReadinessTests
{
    private static readonly byte[] NotADatabase = "NOT A DATABASE!!"u8.ToArray();

    [Fact]
    public async Task Readyz_DatabaseUnreadable_Answers503AndRecoversWhenItReturns()
    {
        await using var hq = await HqProcess.StartAsync();
        using var http = hq.CreateClient(bearerToken: null);
        var ready = await ReadinessAsync(http, HttpStatusCode.OK);
        Assert.Equal("ready", ready.Status);
        Assert.Equal(["database"], ready.Checks.Select(c => c.Name));

        var restore = await MakeUnreadableAsync(hq);
        var down = await ReadinessAsync(http, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("not_ready", down.Status);
        Assert.Equal("not_ready", Assert.Single(down.Checks).Status);
        Assert.Contains("cannot be read", down.Checks[0].Detail, StringComparison.Ordinal);
        using (var alive = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        await restore();
        Assert.Equal("ready", (await ReadinessAsync(http, HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task Readyz_PortalUnreachable_AnswersDegradedWith200()
    {
        // No portal listens there; HQ still needs a portal's public key file to start.
        var keyDirectory = TempDirectory.Create("irp-key");
        var keyFile = Path.Combine(keyDirectory, "portal-public.pem");
        using (var portalKey = System.Security.Cryptography.RSA.Create(2048))
        {
            await File.WriteAllTextAsync(keyFile, portalKey.ExportSubjectPublicKeyInfoPem());
        }

        await using var hq = await HqProcess.StartAsync(irp: new IrpAccess(new Uri($"http://127.0.0.1:{ClosedPort()}"), IrpAccess.NewCredentials(), keyFile));
        using var http = hq.CreateClient(bearerToken: null);

        var readiness = await ReadinessAsync(http, HttpStatusCode.OK);

        Assert.Equal("degraded", readiness.Status);
        Assert.Equal([("database", "ready"), ("portal", "degraded")], readiness.Checks.Select(c => (c.Name, c.Status)));
        Assert.Contains("cannot be reached", readiness.Checks[1].Detail, StringComparison.Ordinal);
        await TempDirectory.DeleteAsync(keyDirectory);
    }

    [Fact]
    public async Task Readyz_PortalUp_AnswersReady()
    {
        await using var irp = await IrpProcess.StartAsync();
        await using var hq = await HqProcess.StartAsync(irp: irp.Access);
        using var http = hq.CreateClient(bearerToken: null);

        // Each /readyz gives the portal HealthEndpoints.PortalProbeTimeout to answer; on a machine busy enough that the
        // portal's first answer takes longer, that probe says degraded, as it should. The portal being up, a later one
        // answers in time.
        var readiness = await Eventually.UntilAsync(() => ReadinessAsync(http, HttpStatusCode.OK), r => r.Status != "degraded",
            Patience.Exchanges, "a /readyz whose portal probe is answered in time", hq);

        Assert.Equal("ready", readiness.Status);
        Assert.Equal([("database", "ready"), ("portal", "ready")], readiness.Checks.Select(c => (c.Name, c.Status)));
    }

    private static async Task<Readiness> ReadinessAsync(HttpClient http, HttpStatusCode expected)
    {
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"/readyz answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.Readiness)!;
    }

    // SQLite: the file's header is overwritten (the tests run as root, whom chmod 000 does not stop), after a checkpoint
    // has emptied the write-ahead log, which would otherwise hold a newer copy of that page; PostgreSQL: the database
    // refuses connections and its sessions are ended, as when the server stops. Returns how to undo it.
    private static async Task<Func<Task>> MakeUnreadableAsync(HqProcess hq)
    {
        if (hq.Postgres is null)
        {
            var file = Path.Combine(hq.DataDir, "hq.db");
            await using (var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await sqlite.OpenAsync();
                await using var checkpoint = sqlite.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync();
            }

            var header = new byte[NotADatabase.Length];
            await using (var stream = File.Open(file, FileMode.Open, FileAccess.ReadWrite))
            {
                await stream.ReadExactlyAsync(header);
                stream.Position = 0;
                await stream.WriteAsync(NotADatabase);
            }

            return async () =>
            {
                await using var stream = File.Open(file, FileMode.Open, FileAccess.Write);
                await stream.WriteAsync(header);
            };
        }

        var name = new NpgsqlConnectionStringBuilder(hq.Postgres).Database;
        await AdminAsync($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false",
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        return () => AdminAsync($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true");
    }

    private static async Task AdminAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("TILLSYNC_TEST_POSTGRES"));
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
#pragma warning disable CA2100 // The names are HQ's generated database names, not input.
            await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
