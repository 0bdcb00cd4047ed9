using TillSync.Irp.Web;

namespace TillSync.Irp.Faults;

/// <summary><c>GET /admin/faults</c> and <c>PUT /admin/faults</c> (camelCase JSON of <see cref="FaultSettings"/>):
/// tests turn faults on and off while the simulator runs.</summary>
public static class FaultEndpoints
{
    /// <summary>The admin path.</summary>
    public const string Path = "/admin/faults";

    /// <summary>Maps both endpoints.</summary>
    public static IEndpointRouteBuilder MapFaultEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Path, (FaultSwitches faults) => TypedResults.Json(faults.Current, IrpAdminJsonContext.Default.FaultSettings));
        routes.MapPut(Path, async (HttpRequest request, FaultSwitches faults, CancellationToken cancellationToken) =>
        {
            var settings = await AdminBody.ReadAsync(request, IrpAdminJsonContext.Default.FaultSettings, cancellationToken);
            var problem = settings is null ? "Send {\"latencyMs\": n, \"failureRate\": r, \"commitThenTimeoutRate\": r, \"tamperedReplyRate\": r}." : settings.Problem();
            if (problem is not null)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: problem);
            }

            faults.Current = settings!;
            return TypedResults.Json(faults.Current, IrpAdminJsonContext.Default.FaultSettings);
        });
        return routes;
    }
}
