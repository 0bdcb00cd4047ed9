using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>The review step of a sync batch: the items the batch's kinds and steps opened (rejections, overdrafts,
/// shortfalls, damaged documents), written after the stock step — a shortfall is known only there, and the walk to its
/// competing sales reads the movements it wrote — with one row per item in the till's feed.</summary>
public sealed class ReviewBatch : IBatchStep
{
    private static readonly Column<ReviewRow>[] Columns =
    [
        new("kind", r => ReviewItems.Stored(r.Opening.Kind)),
        new("status", r => ReviewItems.Open),
        new("store_id", r => r.StoreId),
        new("till_id", r => r.TillId),
        new("client_order_id", r => r.Opening.DocumentId.ToString("D")),
        new("bill_no", r => r.Opening.Number),
        new("sku", r => r.Opening.Sku),
        new("short_qty_milli", r => r.Opening.ShortQtyMilli),
        new("reason", r => r.Opening.Reason),
        new("detail", r => r.Opening.Detail),
        new("created_at", r => StoredTime.Text(r.At)),
    ];

    private readonly List<ReviewOpening> _openings = [];
    private readonly List<Shortfall> _shortfalls = [];
    private readonly Dictionary<(Guid, int), OverReturnOpening> _overReturns = [];

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.AfterStock;

    /// <summary>Opens an item for a document of this batch.</summary>
    public void Open(ReviewOpening opening) => _openings.Add(opening);

    /// <summary>Opens the one open <c>over_return</c> item of an original line, or brings its detail up to date when it is
    /// open already (another till's return went over the same line); the last opening of a line in a batch stands.</summary>
    public void OpenOverReturn(OverReturnOpening opening) => _overReturns[(opening.SaleId, opening.LineNo)] = opening;

    /// <summary>Records the shortfall behind a <see cref="ReviewKind.StockShort"/> item, for its competing sales.</summary>
    public void AddShortfall(Shortfall shortfall) => _shortfalls.Add(shortfall);

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        foreach (var overReturn in _overReturns.Values)
        {
            await OverReturnItems.UpsertAsync(batch, overReturn, cancellationToken);
        }

        if (_openings.Count == 0)
        {
            return;
        }

        var rows = batch.Engine.Rows("review_items", Columns);
        foreach (var opening in _openings)
        {
            rows.Add(new ReviewRow(opening, batch.Till.StoreId, batch.Till.TillId, batch.Now));
        }

        await rows.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        await ReviewOpenings.RecordAsync(batch, _openings.Select(o => o.DocumentId).ToHashSet(), _shortfalls, cancellationToken);
    }

    private sealed record ReviewRow(ReviewOpening Opening, long StoreId, long TillId, DateTimeOffset At);
}

/// <summary>A review item a sync batch opens for one of its documents.</summary>
/// <param name="Kind">The item's kind.</param>
/// <param name="DocumentId">The document (a sale's clientOrderId).</param>
/// <param name="Number">Its printed number, or null.</param>
/// <param name="Sku">The short SKU of a <see cref="ReviewKind.StockShort"/> item; null otherwise.</param>
/// <param name="ShortQtyMilli">The short quantity in thousandths; null otherwise.</param>
/// <param name="Reason">The rejection's reason code, or null.</param>
/// <param name="Detail">What happened, for the manager.</param>
public sealed record ReviewOpening(ReviewKind Kind, Guid DocumentId, string? Number, string? Sku, long? ShortQtyMilli, string? Reason, string Detail);
