using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Tills;
using TillSync.Hq.Access;
using TillSync.Hq.Accounting;
using TillSync.Hq.Loyalty;
using TillSync.Hq.Stock;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>Writes a manager's resolution of a review item — its stock movements, the resolution row, the item's new
/// status, the till's feed row and the audit entry — in the caller's transaction, so that all of it commits or none.
/// What each action does to stock (docs/reviews.md):
/// <list type="bullet">
/// <item><c>transfer_in</c> q: +q of the SKU into the item's store; with <c>fromStoreId</c>, −q in that store.</item>
/// <item><c>credit_note</c> q: +q into the item's store — the short units of the sale are refunded and never supplied,
/// so the sale's own movement is reversed for them.</item>
/// <item><c>write_off</c> q: no movement and no journal entry; the shortfall of q units is accepted as it stands (recorded
/// as the resolution's qty), until a count adjustment or receipt.</item>
/// <item><c>backorder</c> q: no movement; the customer is owed q units, which the next receipt covers.</item>
/// <item><c>acknowledge</c> (rejected orders, sync conflicts): no movement.</item>
/// </list></summary>
public static class ReviewResolutions
{
    /// <summary>Applies a validated resolution to an open item whose row the transaction holds.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The write transaction, already holding the item's row.</param>
    /// <param name="item">The open item.</param>
    /// <param name="request">The manager's request, validated against the item.</param>
    /// <param name="qtyMilli">Units the action covers, in thousandths (the short quantity unless the request gave less); null for acknowledge.</param>
    /// <param name="manager">Who decides, for the audit trail.</param>
    /// <param name="now">When.</param>
    /// <param name="engine">The database engine: its clause that locks the till's row (<c>tills t</c>), which orders the till's
    /// feed, and its share lock on the catalogue costs the entry values goods at.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The resolution as a resend of the same request will answer it.</returns>
    public static async Task<ReviewResolutionView> ApplyAsync(
        DbConnection connection, DbTransaction transaction, ReviewItemView item, ReviewResolutionRequest request, long? qtyMilli, string manager,
        DateTimeOffset now, DatabaseEngine engine, CancellationToken cancellationToken)
    {
        await TillFeed.LockTillAsync(connection, transaction, item.TillId, engine.LockRowSql, cancellationToken);
        var at = StoredTime.Text(now);
        await connection.Command("""
            INSERT INTO review_resolutions (resolution_id, review_id, store_id, action, qty_milli, requested_qty_milli, from_store_id, note, resolved_by, resolved_at)
            VALUES (@id, @review, @store, @action, @qty, @requested, @from, @note, @by, @at)
            """, transaction)
            .With("@id", request.ResolutionId.ToString("D")).With("@review", item.ReviewId).With("@store", item.StoreId).With("@action", request.Action)
            .With("@qty", qtyMilli).With("@requested", request.Qty is { } q ? Quantity.ToMilli(q) : null).With("@from", request.FromStoreId)
            .With("@note", request.Note.Trim()).With("@by", manager).With("@at", at)
            .ExecuteAsync(cancellationToken);

        // The money side of the decision, in the same transaction (docs/accounting.md), valued before the movements: a
        // stock move reads (and on PostgreSQL share-locks) the catalogue cost before it locks on-hand rows (ADR 0024).
        var entry = await ResolutionEntries.ForAsync(engine, connection, transaction, item, request, qtyMilli, now, cancellationToken);

        // Movements in (store, SKU) order, the order every writer locks on-hand rows in.
        var movements = MovementsOf(item, request, qtyMilli).OrderBy(m => m.StoreId).ThenBy(m => m.Sku, StringComparer.Ordinal).ToList();
        await using (var ledger = new StockLedger(connection, transaction))
        {
            foreach (var movement in movements)
            {
                await ledger.MoveAsync(
                    new StockMovement(movement.StoreId, movement.Sku, movement.QtyMilli, StockKinds.Resolution, null, null, now, ResolutionId: request.ResolutionId),
                    cancellationToken);
            }
        }

        // Flushed once: the per-day balances are locked in one order per flush (ADR 0009).
        var journal = new JournalWriter(BulkInsert.ParametersPerStatementDefault);
        if (entry is not null)
        {
            journal.Add(entry, now);
        }

        if (item.Kind == ReviewKinds.LoyaltyOverdraft && request.Action == ResolutionActions.WriteOff)
        {
            await LoyaltyWriteOff.ApplyAsync(connection, transaction, item, journal, now, cancellationToken);
        }

        await journal.FlushAsync(connection, transaction, cancellationToken);

        await connection.Command("UPDATE review_items SET status = 'resolved', resolved_at = @at WHERE review_id = @id", transaction)
            .With("@at", at).With("@id", item.ReviewId).ExecuteAsync(cancellationToken);
        var summary = Summary(item, request, qtyMilli);
        var feed = TillFeed.NewRows(BulkInsert.ParametersPerStatementDefault);
        feed.Add(item.StoreId, item.TillId, TillUpdateKinds.ReviewResolved, item.ReviewId, item.ClientOrderId.ToString("D"), item.BillNo, summary, at);
        await feed.FlushAsync(connection, transaction, cancellationToken);
        await AuditLog.RecordAsync(connection, transaction, manager, "review.resolve",
            string.Create(CultureInfo.InvariantCulture, $"review {item.ReviewId} ({item.Kind}) resolution {request.ResolutionId}: {summary} Note: {request.Note.Trim()}"),
            now, cancellationToken);
        return new ReviewResolutionView(request.ResolutionId, item.ReviewId, request.Action, qtyMilli is { } milli ? Quantity.FromMilli(milli) : null,
            request.FromStoreId, request.Note.Trim(), manager, StoredTime.Parse(at),
            [.. movements.Select(m => new ResolutionMovement(m.StoreId, m.Sku, Quantity.FromMilli(m.QtyMilli)))]);
    }

    private static IEnumerable<(long StoreId, string Sku, long QtyMilli)> MovementsOf(ReviewItemView item, ReviewResolutionRequest request, long? qtyMilli)
    {
        if (item.Sku is null || qtyMilli is not { } q)
        {
            yield break;
        }

        if (request.Action is ResolutionActions.TransferIn or ResolutionActions.CreditNote)
        {
            yield return (item.StoreId, item.Sku, q);
        }

        if (request.Action == ResolutionActions.TransferIn && request.FromStoreId is { } from)
        {
            yield return (from, item.Sku, -q);
        }
    }

    private static string Summary(ReviewItemView item, ReviewResolutionRequest request, long? qtyMilli)
    {
        var qty = qtyMilli is { } q ? Quantity.FromMilli(q).ToString(CultureInfo.InvariantCulture) : "";
        return request.Action switch
        {
            ResolutionActions.TransferIn when request.FromStoreId is { } from =>
                string.Create(CultureInfo.InvariantCulture, $"Resolved: {qty} of {item.Sku} transferred in from store {from}."),
            ResolutionActions.TransferIn => $"Resolved: {qty} of {item.Sku} brought in.",
            ResolutionActions.CreditNote => $"Resolved: credit note for {qty} of {item.Sku}; refund the customer.",
            ResolutionActions.WriteOff when item.Kind == ReviewKinds.LoyaltyOverdraft => "Resolved: the loyalty overdraft was written off.",
            ResolutionActions.WriteOff => $"Resolved: the shortfall of {qty} of {item.Sku} accepted; on-hand stays short until a count or receipt.",
            ResolutionActions.Backorder => $"Resolved: {qty} of {item.Sku} back-ordered; the customer is owed them.",
            _ => $"Acknowledged by a manager ({item.Reason ?? item.Kind}).",
        };
    }
}
