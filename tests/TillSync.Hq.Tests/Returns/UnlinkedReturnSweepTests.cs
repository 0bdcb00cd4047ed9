// Proves the unlinked-return sweep on a fake clock over HQ's real migrated database (SQLite, or PostgreSQL when the suite
// runs on it): a return still awaiting its original after the configured time opens one return_unlinked item, however
// often the sweep runs; a return not yet due, or already linked, opens none.
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TillSync.Hq.Returns;
using TillSync.Hq.Storage;
using TillSync.Hq.Tests.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Returns;

public sealed class UnlinkedReturnSweepTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-28T10:00:00Z", CultureInfo.InvariantCulture);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ReturnOptions _options = new(TimeSpan.FromDays(3));
    private OneTillDatabase? _store;

    private HqDatabase Database => _store?.Database ?? throw new InvalidOperationException("not initialised");

    [Fact]
    public async Task Sweep_AfterTheConfiguredTime_OpensOneItemPerUnlinkedReturn()
    {
        var old = await AddReturnAsync(Start, linked: false);
        var linked = await AddReturnAsync(Start, linked: true);
        var recent = await AddReturnAsync(Start.AddDays(2), linked: false);
        var sweep = new UnlinkedReturnSweep(Database, _options, _clock, NullLogger<UnlinkedReturnSweep>.Instance);

        Assert.Equal(0, await sweep.SweepAsync(Start.AddDays(3).AddSeconds(-1), CancellationToken.None));
        Assert.Equal(1, await sweep.SweepAsync(Start.AddDays(3), CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(Start.AddDays(4), CancellationToken.None));
        Assert.Equal([old], await ItemsAsync());
        Assert.Equal(1, await sweep.SweepAsync(Start.AddDays(5), CancellationToken.None));
        Assert.Equal([old, recent], await ItemsAsync());
        Assert.DoesNotContain(linked, await ItemsAsync());
    }

    [Fact]
    public async Task Sweep_OnTheClock_OpensTheItemOnce()
    {
        var waiting = await AddReturnAsync(Start, linked: false);
        var sweep = new UnlinkedReturnSweep(Database, _options, _clock, NullLogger<UnlinkedReturnSweep>.Instance);
        await sweep.StartAsync(CancellationToken.None);
        try
        {
            // Nudge the clock a sweep interval at a time, up to four days: the item is due after three.
            var items = await Eventually.UntilAsync(ItemsAsync, ids => ids.Count > 0, TimeSpan.FromSeconds(60),
                "the unlinked return's review item",
                betweenPolls: () =>
                {
                    if (_clock.GetUtcNow() - Start < TimeSpan.FromDays(4))
                    {
                        _clock.Advance(TimeSpan.FromHours(6));
                    }

                    return Task.CompletedTask;
                });

            Assert.Equal([waiting], items);
        }
        finally
        {
            await sweep.StopAsync(CancellationToken.None);
        }

        Assert.Equal(0, await sweep.SweepAsync(Start.AddDays(30), CancellationToken.None));
        Assert.Equal([waiting], await ItemsAsync());
    }

    public async Task InitializeAsync() => _store = await OneTillDatabase.CreateAsync("unlinked-sweep", _clock);

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    private int _seq;

    // A committed return's header row as the return kind writes it; the sweep reads nothing else.
    private async Task<Guid> AddReturnAsync(DateTimeOffset committedAt, bool linked)
    {
        var id = Guid.CreateVersion7();
        var seq = ++_seq;
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await connection.Command("""
            INSERT INTO returns (document_id, store_id, till_id, till_seq, credit_note_no, fingerprint, created_at, committed_at, original_order_id,
                original_bill_no, original_till_id, return_reason, inter_state, taxable_paise, cgst_paise, sgst_paise, igst_paise, round_off_paise,
                total_paise, linked_at, body_json)
            VALUES (@id, 1, 1, @seq, @number, 'f', @at, @at, @original, 'T02/2627/000001', 2, 'defective', 0, 100, 0, 0, 0, 0, 100, @linked, '{}')
            """).With("@id", id.ToString("D")).With("@seq", seq).With("@number", $"T01/2627/C{seq:D5}").With("@at", StoredTime.Text(committedAt))
            .With("@original", Guid.CreateVersion7().ToString("D")).With("@linked", linked ? StoredTime.Text(committedAt) : null)
            .ExecuteAsync(CancellationToken.None);
        return id;
    }

    private async Task<List<Guid>> ItemsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        return await connection.Command("SELECT client_order_id FROM review_items WHERE kind = 'return_unlinked' ORDER BY review_id")
            .ListAsync(r => Guid.Parse(r.GetString(0)), CancellationToken.None);
    }
}
