using System.Globalization;
using TillSync.Contracts.Sync;
using TillSync.Hq.Reviews;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Stock;

/// <summary>The stock step of a sync batch (ADR 0002): the kinds queue what each committed document moves
/// (<see cref="Move"/>); at the batch's <see cref="WriteStage.SharedStock"/> stage the store's on-hand of those SKUs is
/// read — created at zero where missing and locked, in ordinal SKU order, on PostgreSQL, so that two tills' batches
/// queue instead of deadlocking — the documents are replayed against it in <c>tillSeq</c> order, and the movements and
/// the new on-hand are written. A sale that takes a SKU below zero is still a fact: it is flagged <c>stock_short</c>
/// and opens a review item for the quantity sold beyond on-hand. Movements are written under the on-hand locks, so
/// their ids follow the order in which on-hand changed (the competing-sales walk replays them).</summary>
public sealed class StockBatch : IBatchStep
{
    private static readonly Column<MovementRow>[] MovementColumns =
    [
        new("store_id", r => r.StoreId),
        new("sku", r => r.Sku),
        new("qty_milli", r => r.QtyMilli),
        new("kind", r => StockKinds.Stored(r.Kind)),
        new("client_order_id", r => r.DocumentId.ToString("D")),
        new("receipt_id", _ => null),
        new("created_at", r => StoredTime.Text(r.At)),
    ];

    private static readonly Column<OnHandRow>[] OnHandColumns =
        [new("store_id", r => r.StoreId), new("sku", r => r.Sku), new("qty_milli", r => r.QtyMilli)];

    private readonly List<StockMove> _moves = [];
    private readonly SortedSet<string> _skus = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.SharedStock;

    /// <summary>Queues what a committed document moves: signed thousandths by SKU (negative out).</summary>
    public void Move(StockMove move)
    {
        _moves.Add(move);
        _skus.UnionWith(move.QtyMilliBySku.Keys);
    }

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        if (_moves.Count == 0)
        {
            return;
        }

        var storeId = batch.Till.StoreId;
        var onHandMilliBySku = await ReadOnHandAsync(batch, cancellationToken);
        var movements = batch.Engine.Rows("stock_movements", MovementColumns);
        foreach (var move in _moves)
        {
            foreach (var (sku, qtyMilli) in move.QtyMilliBySku)
            {
                var beforeMilli = onHandMilliBySku.GetValueOrDefault(sku);
                var afterMilli = checked(beforeMilli + qtyMilli);
                onHandMilliBySku[sku] = afterMilli;
                movements.Add(new MovementRow(storeId, sku, qtyMilli, move.Kind, move.DocumentId, batch.Now));
                if (qtyMilli < 0 && afterMilli < 0)
                {
                    OpenShortfall(batch, move, sku, -qtyMilli, beforeMilli, afterMilli);
                }
            }
        }

        await movements.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        var onHand = batch.Engine.Rows("stock_on_hand", OnHandColumns, "ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = excluded.qty_milli");
        foreach (var sku in _skus)
        {
            onHand.Add(new OnHandRow(storeId, sku, onHandMilliBySku.GetValueOrDefault(sku)));
        }

        await onHand.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
    }

    // Offline sales are facts: stock moves even below zero, and each SKU that crosses below zero opens a review item for
    // the quantity sold beyond what was on hand.
    private static void OpenShortfall(SyncBatch batch, StockMove move, string sku, long soldMilli, long beforeMilli, long afterMilli)
    {
        batch.AddFlag(move.DocumentId, OrderFlags.StockShort);
        var reviews = batch.Step<ReviewBatch>();
        reviews.AddShortfall(new Shortfall(move.DocumentId, sku, soldMilli, afterMilli, move.StockVersion));
        reviews.Open(new ReviewOpening(ReviewKind.StockShort, move.DocumentId, move.Number, sku, Math.Min(soldMilli, -afterMilli), null,
            string.Create(CultureInfo.InvariantCulture,
                $"Bill {move.Number} sold {Quantity.FromMilli(soldMilli)} of {sku}; on-hand went from {Quantity.FromMilli(beforeMilli)} to {Quantity.FromMilli(afterMilli)}.")));
    }

    // On-hand of the batch's SKUs in its store (a SKU that never moved is absent: 0). Where rows lock (PostgreSQL) they
    // are first created at zero where missing — zero is the sum of no movements — then locked, both in ordinal SKU order;
    // the values then stay true until the transaction ends.
    private async Task<Dictionary<string, long>> ReadOnHandAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var storeId = batch.Till.StoreId;
        if (batch.Engine.LocksRows)
        {
            var ensure = batch.Engine.Rows("stock_on_hand", OnHandColumns, "ON CONFLICT (store_id, sku) DO NOTHING");
            foreach (var sku in _skus)
            {
                ensure.Add(new OnHandRow(storeId, sku, 0));
            }

            await ensure.FlushAsync(batch.Connection, batch.Transaction, cancellationToken);
        }

        var rows = await batch.Engine.ListWhereInAsync(batch.Connection, batch.Transaction,
            "SELECT sku, qty_milli FROM stock_on_hand WHERE store_id = @store AND sku IN ({list}) ORDER BY sku" + batch.Engine.LockRowsSql,
            _skus.ToList(), [("@store", storeId)], r => (Sku: r.GetString(0), QtyMilli: r.GetInt64(1)), cancellationToken);
        return rows.ToDictionary(r => r.Sku, r => r.QtyMilli, StringComparer.Ordinal);
    }

    private sealed record MovementRow(long StoreId, string Sku, long QtyMilli, StockKind Kind, Guid DocumentId, DateTimeOffset At);

    private sealed record OnHandRow(long StoreId, string Sku, long QtyMilli);
}

/// <summary>What one committed document moves.</summary>
/// <param name="DocumentId">The document (a sale's clientOrderId).</param>
/// <param name="Number">Its printed number, for the review item's sentence.</param>
/// <param name="Kind">Why stock moves.</param>
/// <param name="QtyMilliBySku">Signed thousandths by SKU: negative out, positive in.</param>
/// <param name="StockVersion">A sale's <c>stockVersion</c>: the snapshot whose on-hand its till sold against, or null.</param>
public sealed record StockMove(Guid DocumentId, string Number, StockKind Kind, IReadOnlyDictionary<string, long> QtyMilliBySku, long? StockVersion = null);
