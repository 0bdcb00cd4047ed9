using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TillSync.Core;
using TillSync.Irp.Authentication;
using TillSync.Irp.Clock;
using TillSync.Irp.EwayBills;
using TillSync.Irp.Faults;
using TillSync.Irp.Invoices;
using TillSync.Irp.Signing;
using TillSync.Irp.Storage;

namespace TillSync.Irp.Web;

/// <summary>Composes the simulator: services (<see cref="AddIrp"/>), endpoints (<see cref="MapIrp"/>), lifetime.</summary>
public static class IrpApplication
{
    /// <summary>Builds, creates the schema, loads or makes the signing key and starts; returns the app and its addresses.</summary>
    public static async Task<(WebApplication App, IReadOnlyList<string> Addresses)> StartAsync(IrpOptions options, CancellationToken cancellationToken)
    {
        var problem = options.Faults.Problem() ?? options.ApiUser?.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Limits.RequestBodyBytesMax);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(options.QuietLogs ? LogLevel.Warning : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddIrp(options);
        var app = builder.Build();
        app.MapIrp(options);

        await app.Services.GetRequiredService<IrpDatabase>().EnsureSchemaAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        return (app, addresses);
    }

    /// <summary>The simulator's services.</summary>
    public static IServiceCollection AddIrp(this IServiceCollection services, IrpOptions options)
    {
        services.AddProblemDetails();
        var clock = new OffsetClock(TimeProvider.System);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new IrpDatabase(options.DataDirectory));
        services.AddSingleton(SigningKey.LoadOrCreate(options.DataDirectory));
        services.AddSingleton(PortalKey.LoadOrCreate(options.DataDirectory));
        services.AddSingleton(options.ApiUser ?? ApiUserSettings.Demo);
        services.AddSingleton<ApiSessions>();
        services.AddSingleton(new FaultSwitches(options.Faults, new Random(options.Seed)));
        services.AddSingleton<FaultFilter>();
        services.AddSingleton<InvoiceRegistry>();
        services.AddSingleton(options.ReportingLimit ?? ReportingLimitSettings.Default);
        services.AddSingleton<EwayBillRegistry>();
        return services;
    }

    /// <summary>NIC's paths (behind the session gate, unless <c>--plain</c>, and the fault filter), the sign-in, the
    /// keys, the admin switches and <c>/healthz</c>.</summary>
    public static WebApplication MapIrp(this WebApplication app, IrpOptions options)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!options.Plain)
        {
            app.UseMiddleware<SessionGate>();
        }

        app.MapAuthEndpoint();
        app.MapGet("/healthz", () => TypedResults.Text("Healthy"));
        app.MapKeyEndpoints();
        app.MapFaultEndpoints();
        if (options.TestClock)
        {
            app.MapClockEndpoints();
        }

        var nic = app.MapGroup("").AddEndpointFilter<FaultFilter>();
        nic.MapInvoiceEndpoints();
        nic.MapCancelEndpoint();
        nic.MapEwayBillEndpoint();
        nic.MapEwayBillCancelEndpoint();
        return app;
    }
}
