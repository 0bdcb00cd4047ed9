namespace TillSync.Till.Sync;

/// <summary>Wakes the sync agent early: after a sale, or when an operator asks for a sync now.</summary>
public sealed class SyncSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>Asks the agent to run as soon as it can; several calls before it runs count as one. Every sale calls it, so
    /// an already signalled wake-up is seen by its count rather than by catching the full semaphore's exception (which
    /// cost a tenth of a sale's own time while the agent was busy). Only <see cref="Wake"/> raises the count, under the
    /// gate; the agent's wait can only lower it between the check and the release.</summary>
    public void Wake()
    {
        Woken?.Invoke();
        lock (_gate)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }

    /// <summary>Raised by every <see cref="Wake"/>: the store LAN exchange tells its peers of a new document at once
    /// (docs/store-lan.md) without taking the agent's wake-up.</summary>
    public event Action? Woken;

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
