// Proves sent loyalty codes do not stay in clear: the outbox message of an expired code is deleted (the request's hash and
// outcome stay for the audit) and an unexpired one is kept, by the background sweep running on a fake clock over HQ's
// real migrated database (SQLite, or PostgreSQL when the suite runs on it).
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Loyalty;
using TillSync.Hq.Access;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Storage;
using TillSync.Hq.Tests.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Loyalty;

public sealed class LoyaltyCodeSweepTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-28T10:00:00Z", CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider _clock = new(Start);
    private OneTillDatabase? _store;

    private HqDatabase Database => _store?.Database ?? throw new InvalidOperationException("not initialised");

    [Fact]
    public async Task Sweep_OnTheClock_DeletesExpiredCodesMessagesOnly()
    {
        var shortLived = await RequestCodeAsync(ttlSeconds: 300);
        var longLived = await RequestCodeAsync(ttlSeconds: 3_600);
        var sweep = new LoyaltyCodeSweep(Database, _clock, NullLogger<LoyaltyCodeSweep>.Instance);
        await sweep.StartAsync(CancellationToken.None);
        try
        {
            // Nudge the clock a sweep interval at a time, up to half an hour: the short code expires after five minutes.
            var left = await Eventually.UntilAsync(OutboxAsync, ids => !ids.Contains(shortLived), TimeSpan.FromSeconds(30),
                "the expired code's message to leave the outbox",
                betweenPolls: () =>
                {
                    if (_clock.GetUtcNow() - Start < TimeSpan.FromMinutes(30))
                    {
                        _clock.Advance(LoyaltyCodeSweep.Every);
                    }

                    return Task.CompletedTask;
                });

            Assert.Equal([longLived], left);
            Assert.Equal(2L, await CountAsync("SELECT COUNT(*) FROM loyalty_code_requests"));
        }
        finally
        {
            await sweep.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Purge_AtExpiry_DeletesThatMessageAndNoOther()
    {
        var first = await RequestCodeAsync(ttlSeconds: 300);
        var second = await RequestCodeAsync(ttlSeconds: 301);
        var sweep = new LoyaltyCodeSweep(Database, _clock, NullLogger<LoyaltyCodeSweep>.Instance);

        Assert.Equal(0, await sweep.PurgeAsync(Start.AddSeconds(299), CancellationToken.None));
        Assert.Equal(1, await sweep.PurgeAsync(Start.AddSeconds(300), CancellationToken.None));
        Assert.Equal([second], await OutboxAsync());
        Assert.DoesNotContain(first, await OutboxAsync());
    }

    public async Task InitializeAsync() => _store = await OneTillDatabase.CreateAsync("loyalty-sweep", _clock);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    // A code request as HQ's endpoint makes it, through LoyaltyCodes itself, with the given life.
    private async Task<Guid> RequestCodeAsync(int ttlSeconds)
    {
        var requestId = Guid.CreateVersion7();
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var transaction = await Database.BeginWriteAsync(connection, CancellationToken.None);
        var settings = await LoyaltySettings.ReadAsync(connection, transaction, CancellationToken.None) with { CodeTtlSeconds = ttlSeconds };
        var till = new Caller(CallerKind.Till, 1, 1, "Counter 1");
        var (_, code) = await LoyaltyCodes.CreateAsync(connection, transaction, requestId, till, new LoyaltyCodeRequest("9876543210", 100), settings,
            Start, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        Assert.Contains(code, await MessageAsync(requestId), StringComparison.Ordinal);
        return requestId;
    }

    private async Task<List<Guid>> OutboxAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT request_id FROM loyalty_code_outbox ORDER BY outbox_id")
            .ListAsync(r => Guid.Parse(r.GetString(0)), CancellationToken.None);
    }

    private async Task<string> MessageAsync(Guid requestId)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return (string)(await connection.Command("SELECT message FROM loyalty_code_outbox WHERE request_id = @id")
            .With("@id", requestId.ToString("D")).ScalarAsync(CancellationToken.None))!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return Convert.ToInt64(await connection.Command(sql).ScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
    }
}
