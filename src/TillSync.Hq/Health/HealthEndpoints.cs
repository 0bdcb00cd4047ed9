using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TillSync.Contracts.Status;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Storage;

namespace TillSync.Hq.Health;

/// <summary><c>GET /healthz</c> (the process is alive: it answers without touching anything) and <c>GET /readyz</c> (it
/// can serve: the database is reachable and its schema at this build's head; an unreachable e-invoice portal makes HQ
/// <c>degraded</c>, not unready, because sales sync on and e-invoices wait). Both are open, like <c>/api/status</c>: they
/// carry no data, and a load balancer or Kubernetes probes them without a token.</summary>
public static class HealthEndpoints
{
    /// <summary>How long the portal may take to answer the probe before it counts as unreachable.</summary>
    public static readonly TimeSpan PortalProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Maps both endpoints.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("Healthy")).ExcludeFromDescription();
        app.MapGet("/readyz", async (HqDatabase database, Migrator migrator, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var checks = new List<ReadinessCheck> { await DatabaseAsync(database, migrator, cancellationToken) };
            if (services.GetService<IrpConnection>() is { } portal)
            {
                var problem = portal.CredentialProblem is { } refused
                    ? $"the e-invoice portal refused HQ's sign-in: {refused}"
                    : await portal.UnreachableAsync(PortalProbeTimeout, cancellationToken);
                checks.Add(new ReadinessCheck("portal", problem is null ? ReadyStatus.Ready : ReadyStatus.Degraded,
                    problem ?? "the e-invoice portal answers"));
            }

            var status = checks.Any(c => c.Status == ReadyStatus.NotReady) ? ReadyStatus.NotReady
                : checks.Any(c => c.Status == ReadyStatus.Degraded) ? ReadyStatus.Degraded
                : ReadyStatus.Ready;
            return TypedResults.Json(new Readiness(status, checks), Contracts.TillSyncJsonContext.Default.Readiness,
                statusCode: status == ReadyStatus.NotReady ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        }).Produces<Readiness>().Produces<Readiness>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ReadinessCheck> DatabaseAsync(HqDatabase database, Migrator migrator, CancellationToken cancellationToken)
    {
        int applied;
        try
        {
            await using DbConnection connection = await database.OpenProbeAsync(cancellationToken);
            applied = await Migrator.AppliedVersionAsync(connection, cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException or TimeoutException)
        {
            return new ReadinessCheck("database", ReadyStatus.NotReady, $"the database cannot be read: {e.Message}");
        }

        var head = migrator.NewestVersion;
        return applied == head
            ? new ReadinessCheck("database", ReadyStatus.Ready, $"reachable, schema at version {head}")
            : new ReadinessCheck("database", ReadyStatus.NotReady, $"schema at version {applied}, this build's head is {head}");
    }

    private static class ReadyStatus
    {
        public const string Ready = "ready";
        public const string Degraded = "degraded";
        public const string NotReady = "not_ready";
    }
}
