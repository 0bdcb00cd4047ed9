using TillSync.Core.Orders;
using TillSync.Hq.Sync;

namespace TillSync.Hq.Catalog;

/// <summary>The catalogue costs of one sync batch (ADR 0024). Every kind whose documents move stock at a catalogue cost
/// names their SKUs when it begins (<see cref="Need"/>); before any document is decided the step reads the costs of all of
/// them with <see cref="CatalogCosts.LoadAsync"/>, once, and the kinds read them here. On PostgreSQL that read share-locks
/// the products' rows in SKU order: one read for the whole batch, not one per kind, keeps the batch's locks in the one
/// global order a cost change takes them in, so the two queue behind each other. Read per kind (the sales' SKUs, then the
/// returns'), a batch could hold a sale's SKU and wait for a return's that a cost change held while it waited for the
/// sale's: a deadlock PostgreSQL broke by failing one of them.</summary>
public sealed class BatchCosts : IBatchStep
{
    private readonly HashSet<string> _skus = new(StringComparer.Ordinal);
    private Dictionary<string, long> _costPaiseBySku = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Unshared;

    /// <summary>Cost in paise by SKU, of those needed that the catalogue has; a SKU missing here is unknown.</summary>
    public IReadOnlyDictionary<string, long> CostPaiseBySku => _costPaiseBySku;

    /// <summary>Notes SKUs whose costs the batch's new documents need. A malformed SKU is left out: no product has it, so
    /// it stays unknown and its document is rejected.</summary>
    public void Need(IEnumerable<string> skus) => _skus.UnionWith(skus.Where(OrderRules.IsWellFormedSku));

    /// <inheritdoc />
    public async Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) =>
        _costPaiseBySku = await CatalogCosts.LoadAsync(batch.Engine, batch.Connection, batch.Transaction, _skus, cancellationToken);

    /// <inheritdoc />
    public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;
}
