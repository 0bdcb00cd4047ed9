using TillSync.Hq.Accounting;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Promotions;

/// <summary>The per-day totals of promotions (<c>promotion_days</c>, migration 0032) a sync batch adds to: one row per
/// promotion, business day and store, so that the report of a promotion used on a million bills reads its days, not its
/// bills (docs/pricing.md, "How each promotion did"; ADR 0025). <see cref="PromotionUses"/> adds what each committed sale and
/// linked return did; this step writes the sums in the batch's transaction, so they never disagree with the rows.</summary>
/// <remarks>Every till of a store adds to the same rows, so they are written as the ledger's balances are (ADR 0009): with
/// <c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>, in the <see cref="WriteStage.Totals"/> stage after the
/// journal's rows, in key order, so that on PostgreSQL two batches of a store queue on them instead of deadlocking.</remarks>
public sealed class PromotionDays : IBatchStep
{
    private static readonly Column<DayRow>[] DayColumns =
    [
        new("promotion_id", r => r.PromotionId),
        new("business_date", r => r.Date),
        new("store_id", r => r.StoreId),
        .. PromotionDaySums.Columns.Select(c => new Column<DayRow>(c.Name, r => c.Value(r.Sums))),
    ];

    private static readonly string Upsert =
        $"ON CONFLICT (promotion_id, business_date, store_id) DO UPDATE SET {string.Join(", ",
            PromotionDaySums.Columns.Select(c => $"{c.Name} = promotion_days.{c.Name} + excluded.{c.Name}"))}";

    // The primary key's order, ordinal whatever the culture: the order the rows are locked in.
    private readonly SortedDictionary<(long PromotionId, string Date, long StoreId), PromotionDaySums> _days = new(
        Comparer<(long PromotionId, string Date, long StoreId)>.Create((a, b) =>
            a.PromotionId != b.PromotionId ? a.PromotionId.CompareTo(b.PromotionId)
            : string.CompareOrdinal(a.Date, b.Date) is var byDate and not 0 ? byDate
            : a.StoreId.CompareTo(b.StoreId)));

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Totals;

    /// <summary>The sums of <paramref name="promotionId"/> on <paramref name="date"/> in <paramref name="storeId"/> this
    /// batch adds, to add to.</summary>
    public PromotionDaySums Of(long promotionId, DateOnly date, long storeId)
    {
        var key = (promotionId, JournalWriter.EntryDate(date), storeId);
        if (!_days.TryGetValue(key, out var sums))
        {
            _days.Add(key, sums = new PromotionDaySums());
        }

        return sums;
    }

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var rows = batch.Engine.Rows("promotion_days", DayColumns, Upsert);
        foreach (var ((promotionId, date, storeId), sums) in _days)
        {
            rows.Add(new DayRow(promotionId, date, storeId, sums));
        }

        await rows.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        _days.Clear();
    }

    private sealed record DayRow(long PromotionId, string Date, long StoreId, PromotionDaySums Sums);
}
