namespace TillSync.Hq.Storage;

/// <summary>A background job of HQ that runs one round every <see cref="Interval"/> on the injected clock, logs what a
/// round did when it did anything, and lets a busy database (a transient error) end only that round: the next one tries
/// again. The rounds themselves are idempotent, so several HQ processes may sweep the same database.</summary>
public abstract partial class PeriodicSweep(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>Time between rounds.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a round did, for the log, e.g. "expired loyalty code messages deleted from the outbox".</summary>
    protected abstract string Done { get; }

    /// <summary>One round at <paramref name="now"/>; returns how many things it changed.</summary>
    protected abstract Task<int> RoundAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RoundAsync(time.GetUtcNow(), stoppingToken) is > 0 and var count)
                {
                    LogDone(count, Done);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && HqDatabase.IsTransient(e))
            {
                // A busy database now is a free one at the next round.
                LogFailed(GetType().Name, e.GetType().Name, e.Message, Interval);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} {Done}")]
    private partial void LogDone(int count, string done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} failed ({Type}: {Message}); tried again in {Interval}")]
    private partial void LogFailed(string sweep, string type, string message, TimeSpan interval);
}
