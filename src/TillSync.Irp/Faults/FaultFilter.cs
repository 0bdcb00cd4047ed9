using TillSync.Irp.Web;

namespace TillSync.Irp.Faults;

/// <summary>Applies latency and the failure rate to every NIC call before its handler runs, so a failed call never
/// registers anything. The connection is dropped by aborting it, which a client sees as a reset.</summary>
public sealed class FaultFilter(FaultSwitches faults) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var settings = faults.Current;
        if (settings.LatencyMs > 0)
        {
            // Real time, not the offset clock: latency is what the caller waits, whatever the simulated date.
            await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMs), TimeProvider.System, context.HttpContext.RequestAborted);
        }

        if (!faults.Fires(settings.FailureRate))
        {
            return await next(context);
        }

        if (faults.CoinFlip())
        {
            context.HttpContext.Abort();
            return Results.Empty;
        }

        return Results.Text("Service Unavailable (simulated failure)", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>After a commit: drops the reply with probability <see cref="FaultSettings.CommitThenTimeoutRate"/>.
    /// Returns the result to send, or an empty one after aborting.</summary>
    public static IResult MaybeDropReply(FaultSwitches faults, HttpContext http, IResult reply)
    {
        if (!faults.Fires(faults.Current.CommitThenTimeoutRate))
        {
            return reply;
        }

        IrpLog.DroppedReply(http);
        http.Abort();
        return Results.Empty;
    }
}
