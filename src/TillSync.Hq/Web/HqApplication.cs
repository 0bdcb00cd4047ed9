using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TillSync.Contracts;
using TillSync.Core;
using TillSync.Core.Ids;
using TillSync.Hq.Accounting;
using TillSync.Hq.Chain;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Gst;
using TillSync.Hq.Health;
using TillSync.Hq.Access;
using TillSync.Hq.Catalog;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Metrics;
using TillSync.Hq.Orders;
using TillSync.Hq.Pricing;
using TillSync.Hq.Promotions;
using TillSync.Hq.Returns;
using TillSync.Hq.Relay;
using TillSync.Hq.Reviews;
using TillSync.Hq.Shifts;
using TillSync.Hq.Staff;
using TillSync.Hq.Stock;
using TillSync.Hq.StoreCredit;
using TillSync.Hq.Storage;
using TillSync.Hq.Stores;
using TillSync.Hq.Sync;
using TillSync.Hq.Tills;
using TillSync.Web;

namespace TillSync.Hq.Web;

/// <summary>Composes HQ: services (<see cref="AddHq"/>), endpoints (<see cref="MapHq"/>) and the process lifetime.</summary>
public static class HqApplication
{
    /// <summary>Builds, migrates and starts HQ; returns the running app and the addresses it listens on.</summary>
    public static async Task<(WebApplication App, IReadOnlyList<string> Addresses)> StartAsync(
        HqOptions options, TextWriter console, CancellationToken cancellationToken)
    {
        Limits.AssertRelations();
        var builder = Hosts.CreateBuilder();
        builder.WebHost.UseUrls(options.Urls);
        if (options.Certificate is not null)
        {
            // The slim builder leaves HTTPS out unless asked for.
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = Limits.SyncBodyBytesMax + 1;
            // A body slower than this is given up (JsonBody answers 408): a stalled client must not hold a request open.
            k.Limits.MinRequestBodyDataRate = new MinDataRate(JsonBody.BodyBytesPerSecondMin, JsonBody.BodyGracePeriod);
            if (options.Certificate is { } certificate)
            {
                // Every https:// address of --urls serves this certificate.
                k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });
        builder.Logging.AddTillSyncConsole(options.JsonLogs, options.QuietLogs);
        // HQ logs each sync batch itself; ASP.NET Core's per-request lines would bury them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddHq(options);
        var app = builder.Build();
        app.MapHq();

        await app.Services.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        var generated = await app.Services.GetRequiredService<ManagerTokens>().EnsureAdminAsync(options.AdminToken, cancellationToken);
        if (generated is not null)
        {
            await console.WriteLineAsync($"hq: manager token (shown once, keep it safe): {generated}");
        }

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToList();
        return (app, addresses);
    }

    /// <summary>HQ's services.</summary>
    public static IServiceCollection AddHq(this IServiceCollection services, HqOptions options)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TillSyncJsonContext.Default));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Detail ??= Problems.DefaultDetail(c.ProblemDetails.Status));
        services.AddOpenApi();
        services.AddSnapshotCompression();
        services.AddSingleton(TimeProvider.System);
        // A factory, not an instance: the container then disposes the database (its pool) when the host stops.
        services.AddSingleton(_ => options.Postgres is null ? HqDatabase.Sqlite(options.DataDirectory) : HqDatabase.Postgres(options.Postgres));
        services.AddSingleton<Migrator>();
        services.AddSingleton<ManagerTokens>();
        services.AddSingleton<ManagerTokenHasher>();
        services.AddSingleton<Authenticator>();
        services.AddSingleton(sp => new AuthFailureThrottle(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton((options.Sessions ?? ManagerSessionOptions.Default).Checked());
        services.AddSingleton<ManagerSessions>();
        services.Configure<ForwardedHeadersOptions>(o => TrustProxies(o, options.TrustedProxies ?? []));
        services.AddHostedService<LoyaltyCodeSweep>();
        var gstins = new GstinPolicy(options.GstinRule);
        services.AddSingleton(gstins);
        services.AddSingleton(SyncSpine(gstins));
        services.AddSingleton<SyncProcessor>();
        services.AddSingleton<HqStatementKey>();
        services.AddSingleton<FleetGauges>();
        services.AddSingleton<HqMetrics>();
        services.AddMetricsEndpoint("tillsync-hq", Contracts.Status.ReleaseVersion.Current, HqMetrics.MeterName);
        services.AddSingleton<IIdGenerator>(sp => new UuidV7Generator(sp.GetRequiredService<TimeProvider>(), new CryptoRandom()));
        services.AddSingleton(new LoyaltyOptions(options.LogLoyaltyCodes));
        services.AddSingleton(new ReturnOptions(options.ReturnUnlinkedAfter ?? ReturnOptions.UnlinkedAfterDefault));
        services.AddSingleton(new Staff.StaffOptions(options.PinIterations ?? Core.Staff.StaffPin.IterationsDefault));
        services.AddHostedService<UnlinkedReturnSweep>();
        services.AddSingleton(new WebBoundaryOptions(HostAllowList.Create(options.Urls, options.AllowedHosts ?? []), "/api", JsonWritesOnly: false));
        if (options.IrpUrl is not null)
        {
            var (credentials, portalKey) = IrpSignIn(options);
            services.AddSingleton(sp => IrpConnection.For(options.IrpUrl, credentials, portalKey, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<PendingEInvoices>();
            services.AddSingleton<EInvoicePayloadSource>();
            services.AddSingleton<EInvoiceRegistrar>();
            services.AddHostedService<EInvoiceWorker>();
        }

        return services;
    }

    /// <summary>The IRP's API user and the portal's public key for the sign-in; both are required with an IRP URL
    /// (the CLI checks them first and says what is wrong).</summary>
    private static (Core.EInvoicing.NicCredentials Credentials, System.Security.Cryptography.RSA PortalKey) IrpSignIn(HqOptions options)
    {
        if (options.IrpCredentials?.Problem() is { } problem)
        {
            throw new ArgumentException($"The IRP credentials are incomplete: {problem}.", nameof(options));
        }

        if (options.IrpCredentials is null || options.IrpPublicKeyFile is null)
        {
            throw new ArgumentException("An IRP URL needs the IRP credentials and the portal's public key file.", nameof(options));
        }

        var (key, keyProblem) = Core.EInvoicing.NicCrypto.LoadPublicKey(File.ReadAllText(options.IrpPublicKeyFile));
        return key is null
            ? throw new ArgumentException($"The IRP public key file {options.IrpPublicKeyFile}: {keyProblem}", nameof(options))
            : (options.IrpCredentials, key);
    }

    /// <summary>The sync coordinator's parts (ADR 0007, docs/architecture.md): the document kinds HQ records and the
    /// features' batch steps. A new kind is one <c>Kind</c> line here and its own folder; the steps write in their
    /// <see cref="WriteStage"/> (unshared rows, then the store's shared on-hand, then what follows from it), in this
    /// order within a stage.</summary>
    private static SyncSpine SyncSpine(GstinPolicy gstins) => new SyncSpine()
        .Kind(new SaleDocuments(gstins))
        .Kind(new ReturnDocuments(gstins))
        .Kind(new DamagedDocuments())
        .Kind(ShiftDocuments.All[0])
        .Kind(ShiftDocuments.All[1])
        .Kind(ShiftDocuments.All[2])
        .Step(batch => new JournalWriter(batch.Engine.ParametersPerStatement))
        .Step(batch => new EInvoiceOutbox(batch.Engine))
        .Step(_ => new LoyaltyBatch())
        .Step(_ => new PriceJudge())
        .Step(_ => new ReturnOriginals())
        .Step(batch => new PromotionUses(batch.Engine))
        .Step(_ => new PromotionDays())
        .Step(_ => new StoreCreditBatch())
        .Step(_ => new StockBatch())
        .Step(_ => new ShiftCountCheck())
        .Step(_ => new ReviewBatch())
        // Loaded last, where the kinds used to read their own costs: the products' share locks keep their place after the
        // other steps' locks in the batch's lock order (ADR 0024).
        .Step(_ => new BatchCosts());

    /// <summary>HQ's endpoints under <c>/api/v1</c> (and the documents' sync under <c>/api/v2</c>), plus <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>,
    /// <c>/api/status</c> and <c>/openapi/v1.json</c>, behind the web boundary (<see cref="WebBoundary"/>: hosts, origins,
    /// security headers).</summary>
    public static WebApplication MapHq(this WebApplication app)
    {
        // First, so that everything after it (the failed-authentication throttle above all) sees the client's address.
        app.UseForwardedHeaders();
        app.UseWebBoundary(app.Services.GetRequiredService<WebBoundaryOptions>());
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSnapshotCompression();
        // Metrics tell the chain's sales volume and each till's state: a manager token reads them (docs/security.md).
        app.UseMetricsEndpoint(AccessFilters.AdmitManagerAsync, app.Services.GetRequiredService<FleetGauges>().RefreshAsync);
        app.MapOpenApi();
        app.MapHealthEndpoints();
        app.MapStatusEndpoint();
        app.MapManagerPages();
        var v2 = app.MapGroup("/api/v2");
        v2.MapDocumentSyncEndpoint();
        v2.MapRelayEndpoint();
        var api = app.MapGroup("/api/v1");
        api.MapSyncEndpoint();
        api.MapSnapshotEndpoint();
        api.MapUpdatesEndpoint();
        api.MapTillKeyEndpoint();
        api.MapTillSalesEndpoint();
        api.MapStoreEndpoints();
        api.MapStaffEndpoints();
        api.MapShiftEndpoints();
        api.MapProductEndpoints();
        api.MapRoleLimitEndpoints();
        api.MapPromotionEndpoints();
        api.MapStockEndpoints();
        api.MapTillEndpoints();
        api.MapChainEndpoint();
        api.MapTillDeviceEndpoints();
        api.MapOrderEndpoints();
        api.MapCreditNoteEndpoints();
        api.MapStoreCreditEndpoints();
        api.MapLedgerEndpoints();
        api.MapGstEndpoints();
        api.MapReviewEndpoints();
        api.MapEInvoiceEndpoints();
        api.MapEwayBillEndpoint();
        api.MapEInvoiceCancelEndpoint();
        api.MapEwayBillCancelEndpoint();
        api.MapLoyaltyEndpoints();
        api.MapAuditEndpoints();
        api.MapSessionEndpoints();
        return app;
    }

    // Behind a reverse proxy every connection comes from the proxy; its X-Forwarded-For names the client. HQ believes the
    // header only from the proxies it is told of, so that no client can pose as another address; with none, it believes
    // no one (ASP.NET Core's default would trust loopback).
    private static void TrustProxies(ForwardedHeadersOptions forwarded, IReadOnlyList<System.Net.IPAddress> proxies)
    {
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        forwarded.ForwardedHeaders = proxies.Count == 0
            ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
            : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(proxy);
        }
    }
}
