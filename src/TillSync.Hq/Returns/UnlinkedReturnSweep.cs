using System.Globalization;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Returns;

/// <summary>Opens a <c>return_unlinked</c> review item for each committed return whose original sale has not reached HQ
/// within <see cref="ReturnOptions.UnlinkedAfter"/> of its commit (docs/returns.md, "Linking"). Idempotent: a return gets
/// at most one such item (a unique index, and the return remembers when it was reviewed), whatever the number of HQ
/// processes sweeping; a return linked later keeps its item for the manager to acknowledge. Runs every
/// <see cref="Every"/> on the injected clock.</summary>
public sealed class UnlinkedReturnSweep(HqDatabase database, ReturnOptions options, TimeProvider time, ILogger<UnlinkedReturnSweep> logger)
    : PeriodicSweep(time, logger)
{
    /// <summary>How often unlinked returns are looked for.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    /// <summary>Returns reviewed per round at most; the rest wait for the next round.</summary>
    public const int ReturnsPerRoundMax = 500;

    /// <summary>Opens the items due at <paramref name="now"/>; returns how many it opened.</summary>
    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var due = await connection.Command("""
            SELECT document_id, store_id, till_id, credit_note_no, original_bill_no, committed_at FROM returns
            WHERE linked_at IS NULL AND unlinked_review_at IS NULL AND committed_at <= @due ORDER BY committed_at LIMIT @limit
            """, transaction).With("@due", StoredTime.Text(now - options.UnlinkedAfter)).With("@limit", ReturnsPerRoundMax)
            .ListAsync(r => (Id: r.GetString(0), Store: r.GetInt64(1), Till: r.GetInt64(2), Number: r.GetString(3), Bill: r.GetString(4),
                At: StoredTime.Parse(r.GetString(5))), cancellationToken);
        var opened = 0;
        foreach (var r in due)
        {
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"Credit note {r.Number} refunded goods of bill {r.Bill}, which has not reached HQ in the {options.UnlinkedAfter.TotalDays:0.#} days since the return was recorded ({r.At:yyyy-MM-dd}).");
            opened += await connection.Command($"""
                INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, detail, created_at)
                VALUES (@kind, @open, @store, @till, @id, @number, @detail, @at)
                ON CONFLICT (client_order_id) WHERE kind = '{ReviewItems.ReturnUnlinked}' DO NOTHING
                """, transaction).With("@kind", ReviewItems.ReturnUnlinked).With("@open", ReviewItems.Open).With("@store", r.Store).With("@till", r.Till)
                .With("@id", r.Id).With("@number", r.Number).With("@detail", detail).With("@at", StoredTime.Text(now)).ExecuteAsync(cancellationToken);
            await connection.Command("UPDATE returns SET unlinked_review_at = @at WHERE document_id = @id", transaction)
                .With("@at", StoredTime.Text(now)).With("@id", r.Id).ExecuteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return opened;
    }

    /// <inheritdoc />
    protected override TimeSpan Interval => Every;

    /// <inheritdoc />
    protected override string Done => "return_unlinked review items opened";

    /// <inheritdoc />
    protected override Task<int> RoundAsync(DateTimeOffset now, CancellationToken cancellationToken) => SweepAsync(now, cancellationToken);
}

/// <summary>HQ's settings for returns.</summary>
/// <param name="UnlinkedAfter">How long a committed return may wait for its original sale before a <c>return_unlinked</c>
/// review item opens; default 7 days (<c>--return-unlinked-days</c>, <c>TILLSYNC_RETURN_UNLINKED_DAYS</c>).</param>
public sealed record ReturnOptions(TimeSpan UnlinkedAfter)
{
    /// <summary>The default wait: a week, long enough for a till that was off over a long weekend.</summary>
    public static readonly TimeSpan UnlinkedAfterDefault = TimeSpan.FromDays(7);
}
