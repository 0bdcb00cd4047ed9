namespace TillSync.Till.Sync;

/// <summary>Wakes the sync agent early: after a sale, or when an operator asks for a sync now.</summary>
public sealed class SyncSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks the agent to run as soon as it can; several calls before it runs count as one.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for a wake-up or until <paramref name="delay"/> passes on <paramref name="time"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.WaitAsync(stop.Token);
        var elapsed = Task.Delay(delay, time, stop.Token);
        await Task.WhenAny(woken, elapsed);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public void Dispose() => _wake.Dispose();
}
