using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace TillSync.Web;

/// <summary><c>GET /metrics</c>, the Prometheus scrape endpoint HQ and the till share: OpenTelemetry's SDK collects the
/// server's own meter and ASP.NET Core's (<c>http.server.request.duration</c>), and the exporter writes them in
/// Prometheus's text format (names as OpenTelemetry's with dots as underscores, the unit and <c>_total</c> appended, so
/// <c>tillsync.sync.documents</c> is scraped as <c>tillsync_sync_documents_total</c>). Who may read it is the server's
/// to say (docs/security.md).</summary>
public static class MetricsEndpoint
{
    /// <summary>The scrape path.</summary>
    public const string Path = "/metrics";

    /// <summary>Registers the SDK for <paramref name="meterName"/> and ASP.NET Core's meters, as <paramref name="serviceName"/>.</summary>
    public static IServiceCollection AddMetricsEndpoint(this IServiceCollection services, string serviceName, string serviceVersion, string meterName)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: serviceVersion))
            .WithMetrics(metrics => metrics
                .AddMeter(meterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                // A scrape sees the counters as they stand now: a cached answer would hide the sync that just happened.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Serves <see cref="Path"/> to GET requests that <paramref name="admitAsync"/> lets through (it writes the
    /// refusal itself and answers false otherwise); <paramref name="refreshAsync"/> then brings the gauges read from the
    /// database up to date before the exporter collects them.</summary>
    public static IApplicationBuilder UseMetricsEndpoint(
        this IApplicationBuilder app, Func<HttpContext, Task<bool>> admitAsync, Func<CancellationToken, Task> refreshAsync) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: http => http.Request.Path == Path && HttpMethods.IsGet(http.Request.Method),
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (http, next) =>
            {
                if (await admitAsync(http))
                {
                    await refreshAsync(http.RequestAborted);
                    await next(http);
                }
            }),
            optionsName: null);
}
