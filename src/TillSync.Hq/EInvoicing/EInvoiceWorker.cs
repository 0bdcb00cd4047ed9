using TillSync.Hq.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>Registers pending B2B bills with the IRP in the background: each round takes the due head of every till's
/// queue (<see cref="PendingEInvoices.DueHeadsAsync"/>) and works on those bills concurrently, so a till waiting out a
/// backoff never holds another till back, while one till's bills go strictly in tillSeq order. Runs only when HQ has
/// an IRP URL (<c>--irp-url</c>).</summary>
public sealed partial class EInvoiceWorker(
    PendingEInvoices queue, EInvoiceRegistrar registrar, TimeProvider time, ILogger<EInvoiceWorker> logger) : BackgroundService
{
    /// <summary>How long the worker sleeps when no bill is due.</summary>
    public static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Bills worked on at once (one per till).</summary>
    public const int ConcurrentBillsMax = 4;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && IsExpected(e))
            {
                // The bill keeps its lease until it runs out, then is taken again (and looked up first).
                LogRoundFailed(e.GetType().Name, e.Message);
            }

            if (worked == 0)
            {
                await Task.Delay(IdlePoll, time, stoppingToken);
            }
        }
    }

    private async Task<int> RoundAsync(CancellationToken cancellationToken)
    {
        var heads = await queue.DueAsync(time.GetUtcNow(), cancellationToken);
        var worked = 0;
        await Parallel.ForEachAsync(heads, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentBillsMax, CancellationToken = cancellationToken },
            async (clientOrderId, token) =>
            {
                var bill = await queue.ClaimAsync(clientOrderId, time.GetUtcNow(), token);
                if (bill is null)
                {
                    return;
                }

                Interlocked.Increment(ref worked);
                try
                {
                    await registrar.ProcessAsync(bill, token);
                }
                catch (Exception e) when (!token.IsCancellationRequested && IsExpected(e))
                {
                    // Only this bill waits (for its lease to end); the round's other bills carry on.
                    LogBillFailed(bill.ClientOrderId, e.GetType().Name, e.Message);
                }
            });
        return worked;
    }

    // The IRP or the database being unavailable for a while is expected; anything else is a bug and stops HQ loudly.
    private static bool IsExpected(Exception e) => e is HttpRequestException or IOException or TaskCanceledException || HqDatabase.IsTransient(e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-invoice {ClientOrderId} failed ({Type}: {Message}); it is retried when its lease ends")]
    private partial void LogBillFailed(string clientOrderId, string type, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-invoice round failed ({Type}: {Message}); the bills it held are retried when their lease ends")]
    private partial void LogRoundFailed(string type, string message);
}
