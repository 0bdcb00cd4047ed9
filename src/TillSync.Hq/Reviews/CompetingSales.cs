using System.Data.Common;
using TillSync.Hq.Stock;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>A SKU of one sale that took on-hand below zero.</summary>
/// <param name="ClientOrderId">The short sale.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="SoldMilli">What the sale took of it, in thousandths.</param>
/// <param name="AfterMilli">On-hand right after the sale (negative).</param>
/// <param name="StockVersion">The stock version of the snapshot the short sale's till sold against, or null from a till
/// before it.</param>
public sealed record Shortfall(Guid ClientOrderId, string Sku, long SoldMilli, long AfterMilli, long? StockVersion = null);

/// <summary>The sales that competed with a short sale for its stock. Definition (docs/reviews.md): the till sold against
/// the on-hand of its snapshot, so every other sale of the SKU in the store after that snapshot (its
/// <see cref="Shortfall.StockVersion"/>) and before the short sale took stock the short sale counted on — at any till,
/// its own earlier sales included (issue 22: a walk that stopped once on-hand covered the short sale named only the
/// nearest of them, often the same till's). For a sale from a till before stock versions: walking the SKU's movements in
/// the store back from the short sale, every other sale until the first point at which on-hand was at least the
/// quantity the short sale needed. Movement ids of one SKU in one store follow the order in which its on-hand changed
/// (<see cref="StockLedger.MoveAsync"/>, and the batch's on-hand row locks), so both are exact replays.</summary>
public static class CompetingSales
{
    /// <summary>How far back the walk reads: the newest movements of the SKU in the store.</summary>
    public const int WalkMovementsMax = 2_000;

    /// <summary>Competing sales kept per item; the walk stops there.</summary>
    public const int PerItemMax = 50;

    /// <summary>Finds and stores the competing sales of each short item, in the sync transaction after its movements and
    /// review items were written.</summary>
    public static async Task RecordAsync(
        DbConnection connection, DbTransaction transaction, long storeId, IReadOnlyList<(long ReviewId, Shortfall Shortfall)> items,
        int parametersPerStatement, CancellationToken cancellationToken)
    {
        var rows = new BulkInsert("review_competing_sales",
            ["review_id", "client_order_id", "store_id", "till_id", "bill_no", "qty_milli", "committed_at"], parametersPerStatement);
        foreach (var sku in items.GroupBy(i => i.Shortfall.Sku, StringComparer.Ordinal))
        {
            var newestFirst = await connection.Command("""
                SELECT m.qty_milli, m.kind, m.client_order_id, o.till_id, o.bill_no, o.committed_at
                FROM stock_movements m LEFT JOIN orders o ON o.client_order_id = m.client_order_id
                WHERE m.store_id = @store AND m.sku = @sku ORDER BY m.movement_id DESC LIMIT @max
                """, transaction)
                .With("@store", storeId).With("@sku", sku.Key).With("@max", WalkMovementsMax)
                .ListAsync(r => new PastMovement(r.GetInt64(0), r.GetString(1), r.NullableString(2),
                    r.IsDBNull(3) ? 0 : r.GetInt64(3), r.NullableString(4), r.NullableString(5)), cancellationToken);
            foreach (var (reviewId, shortfall) in sku)
            {
                IEnumerable<PastMovement> competing = shortfall.StockVersion is { } since
                    ? await SinceAsync(connection, transaction, storeId, shortfall, since, cancellationToken)
                    : Walk(newestFirst, shortfall);
                foreach (var sale in competing)
                {
                    rows.Add(reviewId, sale.ClientOrderId, storeId, sale.TillId, sale.BillNo, -sale.QtyMilli, sale.CommittedAt);
                }
            }
        }

        await rows.FlushAsync(connection, transaction, cancellationToken);
    }

    // Every sale of the SKU in the store between the snapshot the short sale's till sold against and the short sale
    // itself, newest first, at most PerItemMax.
    private static Task<List<PastMovement>> SinceAsync(
        DbConnection connection, DbTransaction transaction, long storeId, Shortfall shortfall, long since, CancellationToken cancellationToken) =>
        connection.Command($$"""
            SELECT m.qty_milli, m.kind, m.client_order_id, o.till_id, o.bill_no, o.committed_at
            FROM stock_movements m JOIN orders o ON o.client_order_id = m.client_order_id
            WHERE m.store_id = @store AND m.sku = @sku AND m.kind = '{{StockKinds.Sale}}' AND m.movement_id > @since
              AND m.movement_id < (SELECT MIN(s.movement_id) FROM stock_movements s
                                   WHERE s.store_id = @store AND s.sku = @sku AND s.client_order_id = @short AND s.kind = '{{StockKinds.Sale}}')
            ORDER BY m.movement_id DESC LIMIT {{PerItemMax}}
            """, transaction)
            .With("@store", storeId).With("@sku", shortfall.Sku).With("@since", since).With("@short", shortfall.ClientOrderId.ToString("D"))
            .ListAsync(r => new PastMovement(r.GetInt64(0), r.GetString(1), r.NullableString(2), r.GetInt64(3), r.NullableString(4),
                r.NullableString(5)), cancellationToken);

    /// <summary>The competing sales of <paramref name="shortfall"/> among <paramref name="newestFirst"/> (which must
    /// hold the short sale's own movement), newest first.</summary>
    public static IEnumerable<PastMovement> Walk(IReadOnlyList<PastMovement> newestFirst, Shortfall shortfall)
    {
        var id = shortfall.ClientOrderId.ToString("D");
        var start = -1;
        for (var i = 0; i < newestFirst.Count && start < 0; i++)
        {
            start = newestFirst[i].Kind == StockKinds.Sale && newestFirst[i].ClientOrderId == id ? i : -1;
        }

        if (start < 0)
        {
            yield break;
        }

        // On-hand just before the short sale; each step back undoes one movement.
        var levelMilli = checked(shortfall.AfterMilli + shortfall.SoldMilli);
        var found = 0;
        for (var i = start + 1; i < newestFirst.Count && levelMilli < shortfall.SoldMilli && found < PerItemMax; i++)
        {
            var m = newestFirst[i];
            if (m.Kind == StockKinds.Sale && m.ClientOrderId != id && m.BillNo is not null)
            {
                found++;
                yield return m;
            }

            levelMilli = checked(levelMilli - m.QtyMilli);
        }
    }
}

/// <summary>A movement read back for the walk; sale fields are null for other kinds.</summary>
public sealed record PastMovement(long QtyMilli, string Kind, string? ClientOrderId, long TillId, string? BillNo, string? CommittedAt);
