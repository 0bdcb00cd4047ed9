using TillSync.Hq.EInvoicing;
using TillSync.Hq.Web;

namespace TillSync.Simulation.EInvoicing;

/// <summary>The one place that connects the simulated HQ to the simulated portal: HQ is configured as
/// <c>tillsync hq --irp-url</c> configures it, and then its client of the portal is given the in-memory
/// <see cref="PortalLine"/> instead of a socket, and its background worker is taken out, because the simulation steps
/// the worker's rounds itself (<see cref="EInvoiceRound"/>). A change to how HQ reaches the portal (its options, its
/// handshake) changes only this class.</summary>
public static class HqPortalLink
{
    /// <summary><paramref name="options"/> with the portal's address, as <c>--irp-url</c> gives it.</summary>
    public static HqOptions WithPortal(HqOptions options) => options with { IrpUrl = SimulatedPortal.BaseAddress };

    /// <summary>Rewires HQ's <paramref name="services"/>, after <c>AddHq</c>, to reach the portal over <paramref name="line"/>.</summary>
    public static void Connect(IServiceCollection services, PortalLine line)
    {
        // HQ's worker polls on a timer and works on up to four tills' bills at once, in whatever order the thread pool
        // runs them; a seed must replay the same calls to the portal in the same order, so the event loop runs the rounds.
        services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(EInvoiceWorker)));
        foreach (var connection in services.Where(s => s.ServiceType == typeof(IrpConnection)).ToList())
        {
            services.Remove(connection);
        }

        // A factory, so that HQ's container disposes the client (not the line) when HQ crashes.
        services.AddSingleton(_ => new IrpConnection(new HttpClient(line.CreateHandler())
        {
            BaseAddress = SimulatedPortal.BaseAddress,
            Timeout = IrpConnection.CallTimeout,
        }));
    }
}
