using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TillSync.Core;
using TillSync.Core.Ids;
using TillSync.Till.Catalog;
using TillSync.Till.Hosting;
using TillSync.Till.Loyalty;
using TillSync.Till.Metrics;
using TillSync.Till.Mirror;
using TillSync.Till.Outbox;
using TillSync.Till.Peers;
using TillSync.Till.Receipts;
using TillSync.Till.Returns;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Sync;
using TillSync.Till.Updates;
using TillSync.Web;

namespace TillSync.Till.Web;

/// <summary>Composes a till: its store, sale recorder, outbox, sync agent and the cashier page.</summary>
public static class TillApplication
{
    /// <summary>Builds and starts a till; returns the running app and the addresses it listens on.</summary>
    public static async Task<(WebApplication App, IReadOnlyList<string> Addresses)> StartAsync(
        TillOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        Limits.AssertRelations();
        if (options.ListenProblem() is { } listenProblem)
        {
            throw new ArgumentException(listenProblem, nameof(options));
        }

        if (options.PeerProblem() is { } peerProblem)
        {
            throw new ArgumentException(peerProblem, nameof(options));
        }

        var builder = Hosts.CreateBuilder();
        builder.WebHost.UseUrls(options.PeerUrls is { Length: > 0 } peerUrls ? $"{options.Urls};{peerUrls}" : options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = LocalProblems.BodyBytesMax);
        builder.Logging.AddTillSyncConsole(options.JsonLogs, options.QuietLogs);
        // Each sync is logged once by the agent; per-request lines (the page polls its status every 1.5 s, the agent
        // calls HQ) would drown it.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddTill(options, time);
        builder.Services.AddServiceManager(ServiceHosting.Detect());
        var app = builder.Build();
        app.MapTill();

        await app.Services.GetRequiredService<TillDatabase>().EnsureSchemaAsync(cancellationToken);
        await app.Services.GetRequiredService<SnapshotStore>().LoadAsync(cancellationToken);
        await app.Services.GetRequiredService<ShiftRegister>().LoadAsync(cancellationToken);
        // On start, the log against HQ's last statement: a till restored from an old backup says so before it sells.
        await app.Services.GetRequiredService<TillSync.Till.Chain.TillChain>().CheckAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        // The cashier page's addresses only: the peer listener's are the operator's own --peer-urls.
        var peerPorts = options.PeerListenPorts();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Where(a => !peerPorts.Contains(new Uri(a.Replace("://+", "://localhost", StringComparison.Ordinal)).Port)).ToList();
        return (app, addresses);
    }

    /// <summary>The till's services.</summary>
    public static IServiceCollection AddTill(this IServiceCollection services, TillOptions options, TimeProvider time)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TillJsonContext.Default));
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageProblems>();
        services.AddSingleton(time);
        services.AddSingleton(new TillDatabase(options.DataDirectory));
        services.AddSingleton(new WebBoundaryOptions(HostAllowList.Create(options.Urls, options.AllowedHosts ?? []), "/api", JsonWritesOnly: true));
        services.AddSingleton<IIdGenerator>(new UuidV7Generator(time, new CryptoRandom()));
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton(_ => ReceiptKey.LoadOrCreate(options.DataDirectory));
        services.AddSingleton<DocumentWriter>();
        services.AddSingleton<TillSync.Till.Chain.TillChain>();
        services.AddSingleton<DocumentOutbox>();
        services.AddSingleton<SaleReceipts>();
        services.AddSingleton<HqUpdates>();
        services.AddSingleton(new CashierSession(time, options.IdleLock ?? CashierSession.IdleLockDefault));
        services.AddSingleton<StaffLogin>();
        services.AddSingleton<ShiftRegister>();
        services.AddSingleton<ShiftRecorder>();
        services.AddSingleton<SaleRecorder>();
        services.AddSingleton<OriginalSales>();
        services.AddSingleton<TillSync.Till.Parking.ParkedCarts>();
        services.AddSingleton<ReturnRecorder>();
        services.AddSingleton<CreditNotes>();
        services.AddSingleton(provider => new LoyaltyBalances(provider.GetRequiredService<SnapshotStore>(), provider.GetRequiredService<TillDatabase>()));
        services.AddSingleton<LoyaltyRelay>();
        services.AddSingleton<TillStock>();
        services.AddSingleton(new PeerOptions(options.Peers ?? [], options.PeerListenPorts(), options.PeerPollInterval ?? PeerOptions.PollIntervalDefault));
        services.AddSingleton<PeerCopies>();
        services.AddSingleton<PeerStatus>();
        services.AddSingleton<PeerAuthenticator>();
        services.AddSingleton<PeerExchange>();
        services.AddSingleton<TillSync.Till.Chain.RelayedStatements>();
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<PeerRelay>(provider, new Backoff(options.SyncBackoffMax, new CryptoRandom())));
        services.AddHttpClient(PeerExchange.HttpClientName, http => http.Timeout = PeerExchange.RequestTimeout);
        if (options.Peers is [_, ..])
        {
            services.AddHostedService(provider => provider.GetRequiredService<PeerExchange>());
        }

        services.AddSingleton<LinkState>();
        services.AddSingleton<SyncSignal>();
        services.AddSingleton(new Backoff(options.SyncBackoffMax, new CryptoRandom()));
        var linkSwitch = options.LinkSwitch ?? LinkSwitch.Fixed;
        services.AddSingleton(linkSwitch);
        services.AddHttpClient<HqClient>(http => HqClient.Configure(http, options.HqUrl, options.Token))
            .ConfigurePrimaryHttpMessageHandler(() => HqAddress.Handler(options.HqAuthorities))
            .AddHttpMessageHandler(() => new SwitchedLinkHandler(linkSwitch));
        services.AddSingleton<TillMetrics>();
        services.AddMetricsEndpoint("tillsync-till", Contracts.Status.ReleaseVersion.Current, TillMetrics.MeterName);
        services.AddHostedService<SyncAgent>();
        if (options.MirrorDirectory is { } mirror)
        {
            services.AddHostedService(provider => ActivatorUtilities.CreateInstance<DatabaseMirror>(provider, mirror));
        }

        return services;
    }

    /// <summary>The page and its local API, behind the web boundary (<see cref="WebBoundary"/>: hosts, origins, JSON
    /// writes, security headers).</summary>
    public static WebApplication MapTill(this WebApplication app)
    {
        // The store LAN's peer listener first, on its own ports and its own branch: its requests are signed by a till of
        // the store (PeerAuthenticator) and reach only the peer reads; the cashier API below never answers on those ports,
        // and its web boundary is not loosened for them (docs/security.md, "The store LAN").
        var peerPorts = app.Services.GetRequiredService<PeerOptions>().ListenPorts;
        app.MapWhen(http => peerPorts.Contains(http.Connection.LocalPort), branch => branch.Run(PeerEndpoints.HandleAsync));
        app.UseWebBoundary(app.Services.GetRequiredService<WebBoundaryOptions>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Open like the rest of the till's local API, on loopback unless --allow-lan (docs/security.md).
        app.UseMetricsEndpoint(_ => Task.FromResult(true), app.Services.GetRequiredService<TillMetrics>().RefreshAsync);
        app.MapPageAssets();
        app.MapCashierEndpoints();
        app.MapLoyaltyEndpoints();
        app.MapReturnEndpoints();
        app.MapStaffEndpoints();
        app.MapShiftEndpoints();
        app.MapParkingEndpoints();
        app.MapPeerStatus();
        app.MapGet("/healthz", () => TypedResults.Text("Healthy"));
        return app;
    }
}
