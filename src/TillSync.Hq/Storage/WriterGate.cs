namespace TillSync.Hq.Storage;

/// <summary>Queues this process's write transactions on SQLite (sync batches) so they do not spin on its busy handler. It is a throughput
/// measure only: correctness comes from the database (the write transaction, the till's <c>next_seq</c> row and the
/// unique keys), so a second HQ process on the same database stays correct without it.</summary>
public sealed class WriterGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Waits for this process's turn to write.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Lease(_semaphore);
    }

    /// <inheritdoc />
    public void Dispose() => _semaphore.Dispose();

    private sealed class Lease(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
