using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Tills;
using TillSync.Hq.Orders;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Reviews;

/// <summary>Opens one <c>sync_conflict</c> review item per (till, documentId, reason) in the sync transaction. A till
/// resends a conflicting document on every heartbeat; the item is opened the first time only (a unique index backs this
/// up), and HQ's answer to the till is unchanged. This refines docs/sync.md rule 1 ("none of these changes anything"): the
/// documents, stock and sequence are untouched; only the manager's to-do list and the till's feed learn of it.</summary>
public static class SyncConflicts
{
    /// <summary>Opens the items not yet open for <paramref name="conflicts"/>.</summary>
    public static async Task OpenAsync(
        DbConnection connection, DbTransaction transaction, TillState till, IReadOnlyList<(IncomingDocument Document, DocumentResult Result)> conflicts,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (conflicts.Count == 0)
        {
            return;
        }

        var seen = (await connection.ListWhereInAsync(transaction,
                "SELECT client_order_id, reason FROM review_items WHERE kind = @kind AND till_id = @till AND client_order_id IN ({list})",
                conflicts.Select(c => (object)c.Document.DocumentId.ToString("D")).Distinct(), [("@kind", ReviewItems.SyncConflict), ("@till", till.TillId)],
                r => (r.GetString(0), r.GetString(1)), cancellationToken))
            .ToHashSet();
        var feed = TillFeed.NewRows(BulkInsert.ParametersPerStatementDefault);
        foreach (var (document, result) in conflicts)
        {
            var id = document.DocumentId.ToString("D");
            if (!seen.Add((id, result.Reason!)))
            {
                continue;
            }

            // The resend is the till's, not HQ's record: stored bounded like a rejected order.
            var number = result.Number is null ? null : RefusedOrder.Clip(result.Number, RefusedOrder.TextLengthMax);
            var what = document.SentKind == DocumentKinds.Sale ? $"Bill {number}" : $"{Clip(document.SentKind)} document {number ?? id}";
            var detail = RefusedOrder.Clip(string.Create(CultureInfo.InvariantCulture, $"{what} (tillSeq {document.TillSeq}) conflicts: {result.Detail}."),
                RefusedOrder.DetailLengthMax);
            var reviewId = Convert.ToInt64(await connection.Command("""
                INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, reason, detail, created_at)
                VALUES (@kind, @status, @store, @till, @order, @bill, @reason, @detail, @at) RETURNING review_id
                """, transaction)
                .With("@kind", ReviewItems.SyncConflict).With("@status", ReviewItems.Open)
                .With("@store", till.StoreId).With("@till", till.TillId).With("@order", id).With("@bill", number)
                .With("@reason", result.Reason).With("@detail", detail).With("@at", StoredTime.Text(now))
                .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            feed.Add(till.StoreId, till.TillId, TillUpdateKinds.ReviewOpened, reviewId, id, number, detail, StoredTime.Text(now));
        }

        await feed.FlushAsync(connection, transaction, cancellationToken);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40];
}
