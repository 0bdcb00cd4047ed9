using TillSync.Contracts.Tills;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>What follows the review items a sync batch opened, in the same transaction: one <c>review_opened</c> row in
/// the till's feed per item, and the competing sales of each shortfall.</summary>
public static class ReviewOpenings
{
    /// <summary>Records the feed rows and competing sales of the items just written for <paramref name="documentIds"/>.</summary>
    /// <param name="batch">The sync batch, whose transaction holds the till's row.</param>
    /// <param name="documentIds">The batch's new documents that opened review items.</param>
    /// <param name="shortfalls">Each short SKU of those documents.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task RecordAsync(
        SyncBatch batch, IReadOnlyCollection<Guid> documentIds, IReadOnlyList<Shortfall> shortfalls, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return;
        }

        var (connection, transaction, storeId, tillId) = (batch.Connection, batch.Transaction, batch.Till.StoreId, batch.Till.TillId);
        var parametersPerStatement = batch.Engine.ParametersPerStatement;
        var opened = await batch.Engine.ListWhereInAsync(connection, transaction, """
            SELECT review_id, kind, client_order_id, sku, bill_no, detail, created_at FROM review_items
            WHERE till_id = @till AND kind <> @conflict AND client_order_id IN ({list})
            """, documentIds.Select(id => (object)id.ToString("D")), [("@till", tillId), ("@conflict", ReviewItems.SyncConflict)],
            r => (ReviewId: r.GetInt64(0), Kind: r.GetString(1), ClientOrderId: r.GetString(2), Sku: r.NullableString(3), BillNo: r.NullableString(4),
                Detail: r.GetString(5), At: r.GetString(6)), cancellationToken);
        opened.Sort((a, b) => a.ReviewId.CompareTo(b.ReviewId));
        var feed = TillFeed.NewRows(parametersPerStatement);
        foreach (var item in opened)
        {
            feed.Add(storeId, tillId, TillUpdateKinds.ReviewOpened, item.ReviewId, item.ClientOrderId, item.BillNo, item.Detail, item.At);
        }

        await feed.FlushAsync(connection, transaction, cancellationToken);
        var shortByKey = shortfalls.ToDictionary(s => (s.ClientOrderId.ToString("D"), s.Sku));
        var shortItems = opened.Where(i => i.Kind == ReviewItems.StockShort)
            .Select(i => (i.ReviewId, Shortfall: shortByKey[(i.ClientOrderId, i.Sku!)]))
            .ToList();
        await CompetingSales.RecordAsync(connection, transaction, storeId, shortItems, parametersPerStatement, cancellationToken);
    }
}
