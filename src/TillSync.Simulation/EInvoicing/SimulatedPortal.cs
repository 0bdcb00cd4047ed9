using System.Security.Cryptography;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using TillSync.Irp.Authentication;
using TillSync.Irp.Faults;
using TillSync.Irp.Signing;
using TillSync.Irp.Storage;
using TillSync.Irp.Web;
using TillSync.Storage;

namespace TillSync.Simulation.EInvoicing;

/// <summary>The e-invoice portal in the simulation: the IRP simulator's own endpoints, registry and signatures over a real
/// SQLite file (<see cref="IrpApplication.AddIrp"/>, <see cref="IrpApplication.MapIrp"/>), served by an in-process
/// <see cref="TestServer"/> and reading the simulation's clock, so that AckDt, the document date checks and the 24-hour
/// cancel window all run on simulated time. Its own fault switches stay off: the portal's faults are the
/// <see cref="PortalLine"/>'s, drawn from the run's seed. The portal never crashes (NIC's does not lose what it
/// acknowledged); it runs for the whole run.</summary>
public sealed class SimulatedPortal : IAsyncDisposable
{
    /// <summary>The address HQ is given for the portal; the line routes it in memory, no socket is opened.</summary>
    public static readonly Uri BaseAddress = new("http://irp.simulated/");

    // One RSA-2048 key of each kind per process: making one costs more than a small seed's whole e-invoicing, and which
    // keys sign and take sign-ins is not what the simulation checks (HQ still verifies every signature it adopts with the
    // key the portal publishes, and signs in with the portal's public key as NIC's clients do).
    private static readonly Lazy<string> s_signingKeyPem = new(NewKeyPem);
    private static readonly Lazy<RSA> s_signInKey = new(() => RSA.Create(2048));

    /// <summary>The API user HQ signs in as: the simulator's default (demo) user.</summary>
    public static Core.EInvoicing.NicCredentials ApiUser => ApiUserSettings.Demo.User;

    /// <summary>The public half of the key the portal takes sign-ins with (PEM), as NIC hands it to its clients.</summary>
    public static string SignInPublicKeyPem => s_signInKey.Value.ExportSubjectPublicKeyInfoPem();

    private readonly WebApplication _app;

    private SimulatedPortal(WebApplication app, string databasePath)
    {
        _app = app;
        DatabasePath = databasePath;
    }

    /// <summary>The portal's SQLite file (<c>irp.db</c>), which the invariants read after the run.</summary>
    public string DatabasePath { get; }

    /// <summary>Starts the portal over <paramref name="dataDirectory"/> on <paramref name="clock"/>.</summary>
    public static async Task<SimulatedPortal> StartAsync(string dataDirectory, FakeTimeProvider clock, CancellationToken cancellationToken)
    {
        OwnerOnly.CreateDirectory(dataDirectory);
        OwnerOnly.WriteAllText(Path.Combine(dataDirectory, SigningKey.PrivateKeyFileName), s_signingKeyPem.Value);
        OwnerOnly.WriteAllText(Path.Combine(dataDirectory, PortalKey.PrivateKeyFileName), s_signInKey.Value.ExportPkcs8PrivateKeyPem());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        // Plain: HQ's client in the simulation skips NIC's session and encryption (HqPortalLink says why).
        var options = new IrpOptions("http://127.0.0.1:0", dataDirectory, FaultSettings.None, Seed: 0, TestClock: false, Plain: true);
        builder.Services.AddIrp(options);
        // Registered after AddIrp's own clock, so the registry, the endpoints and the e-way bills read simulated time.
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.MapIrp(options);
        var database = app.Services.GetRequiredService<IrpDatabase>();
        await database.EnsureSchemaAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return new SimulatedPortal(app, database.FilePath);
    }

    /// <summary>A new handler that delivers a request to the portal's endpoints in memory.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string NewKeyPem()
    {
        using var key = RSA.Create(2048);
        return key.ExportPkcs8PrivateKeyPem();
    }
}
