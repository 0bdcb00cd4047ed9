using TillSync.Hq.EInvoicing;

namespace TillSync.Simulation.EInvoicing;

/// <summary>One round of HQ's e-invoice worker (<see cref="EInvoiceWorker"/>) as the simulation runs it: the same steps
/// through HQ's own <see cref="PendingEInvoices"/> and <see cref="EInvoiceRegistrar"/> — promote the credit notes whose
/// invoices settled, take the due head of every till's queue, claim it and register it — but one bill after another in
/// till order, where the worker takes up to four at once, so that a seed replays the same calls to the portal.</summary>
public static class EInvoiceRound
{
    /// <summary>Runs one round in HQ's <paramref name="services"/> at <paramref name="time"/>'s now; answers how many bills
    /// it worked on (0: nothing is due). A <see cref="SimulatedHqCrashException"/> leaves it at once, as HQ dies.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var queue = services.GetRequiredService<PendingEInvoices>();
        var registrar = services.GetRequiredService<EInvoiceRegistrar>();
        var worked = 0;
        foreach (var clientOrderId in await queue.DueAsync(time.GetUtcNow(), cancellationToken))
        {
            var bill = await queue.ClaimAsync(clientOrderId, time.GetUtcNow(), cancellationToken);
            if (bill is null)
            {
                continue;
            }

            worked++;
            await registrar.ProcessAsync(bill, cancellationToken);
        }

        return worked;
    }
}
