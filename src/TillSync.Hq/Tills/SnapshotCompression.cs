using Microsoft.AspNetCore.ResponseCompression;

namespace TillSync.Hq.Tills;

/// <summary>Brotli or gzip for the snapshot and its changes, when the till accepts them (docs/sync.md, "The catalogue by
/// delta"). Only there: the snapshot is the one big answer HQ sends over and over, it reflects nothing a caller sent (so a
/// compression oracle has nothing to guess at), and every other answer stays as it was.</summary>
public static class SnapshotCompression
{
    private const string SnapshotPath = "/api/v1/till/snapshot";

    /// <summary>Registers the compression providers, fastest level: a snapshot is compressed each time it is fetched.</summary>
    public static IServiceCollection AddSnapshotCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });

    /// <summary>Compresses the answers under <c>/api/v1/till/snapshot</c>.</summary>
    public static IApplicationBuilder UseSnapshotCompression(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(SnapshotPath, StringComparison.Ordinal), branch => branch.UseResponseCompression());
}
