using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>Deletes the messages of <c>loyalty_code_outbox</c> — the one place a one-time code is kept in clear — once
/// their code has expired, sent or not: an expired code redeems nothing, so its text is only a customer's phone and a
/// secret left lying about. The code request itself (its hash, attempts and outcome) stays for the audit trail. Runs every
/// <see cref="Interval"/> on the injected clock.</summary>
public sealed partial class LoyaltyCodeSweep(HqDatabase database, TimeProvider time, ILogger<LoyaltyCodeSweep> logger) : BackgroundService
{
    /// <summary>How often expired codes are looked for; a code outlives its expiry by at most this.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Deletes the outbox messages whose code expired at or before <paramref name="now"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var purged = await connection.Command("""
            DELETE FROM loyalty_code_outbox
            WHERE request_id IN (SELECT request_id FROM loyalty_code_requests WHERE expires_at <= @now)
            """, transaction).With("@now", StoredTime.Text(now)).ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PurgeAsync(time.GetUtcNow(), stoppingToken) is > 0 and var purged)
                {
                    LogPurged(purged);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && HqDatabase.IsTransient(e))
            {
                // A busy database now is a free one at the next round.
                LogFailed(e.GetType().Name, e.Message);
            }

            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired loyalty code messages from the outbox")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired loyalty codes failed ({Type}: {Message}); tried again in a minute")]
    private partial void LogFailed(string type, string message);
}
