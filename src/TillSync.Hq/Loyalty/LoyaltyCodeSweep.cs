using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Loyalty;

/// <summary>Deletes the messages of <c>loyalty_code_outbox</c> — the one place a one-time code is kept in clear — once
/// their code has expired, sent or not: an expired code redeems nothing, so its text is only a customer's phone and a
/// secret left lying about. The code request itself (its hash, attempts and outcome) stays for the audit trail. Runs every
/// <see cref="Every"/> on the injected clock.</summary>
public sealed class LoyaltyCodeSweep(HqDatabase database, TimeProvider time, ILogger<LoyaltyCodeSweep> logger)
    : PeriodicSweep(time, logger)
{
    /// <summary>How often expired codes are looked for; a code outlives its expiry by at most this.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

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
    protected override TimeSpan Interval => Every;

    /// <inheritdoc />
    protected override string Done => "expired loyalty code messages deleted from the outbox";

    /// <inheritdoc />
    protected override Task<int> RoundAsync(DateTimeOffset now, CancellationToken cancellationToken) => PurgeAsync(now, cancellationToken);
}
