using System.Data.Common;
using TillSync.Contracts.Tills;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>What follows the review items a sync batch opened, in the same transaction: one <c>review_opened</c> row in
/// the till's feed per item, and the competing sales of each shortfall.</summary>
public static class ReviewOpenings
{
    /// <summary>Records the feed rows and competing sales of the items just written for <paramref name="orderIds"/>.</summary>
    /// <param name="connection">The sync transaction's connection.</param>
    /// <param name="transaction">The sync transaction, which holds the till's row.</param>
    /// <param name="storeId">The till's store.</param>
    /// <param name="tillId">The till.</param>
    /// <param name="orderIds">The batch's new orders that opened review items (short or rejected).</param>
    /// <param name="shortfalls">Each short SKU of those orders.</param>
    /// <param name="parametersPerStatement">Values per multi-row insert.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    public static async Task RecordAsync(
        DbConnection connection, DbTransaction transaction, long storeId, long tillId, IReadOnlyCollection<Guid> orderIds,
        IReadOnlyList<Shortfall> shortfalls, int parametersPerStatement, CancellationToken cancellationToken)
    {
        if (orderIds.Count == 0)
        {
            return;
        }

        var opened = await connection.ListWhereInAsync(transaction, """
            SELECT review_id, kind, client_order_id, sku, bill_no, detail, created_at FROM review_items
            WHERE till_id = @till AND kind <> 'sync_conflict' AND client_order_id IN ({list})
            """, orderIds.Select(id => (object)id.ToString("D")), [("@till", tillId)],
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
