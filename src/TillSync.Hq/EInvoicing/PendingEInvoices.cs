using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Tills;
using TillSync.Hq.Reviews;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>The worker's reads and writes on the outbox. A bill is taken with a conditional UPDATE that succeeds only
/// while the bill is pending and nobody's lease on it runs (<c>claimed_until</c>), and every later write names the
/// lease it holds — so two HQ instances on one database never work on one bill at once, and a worker whose lease ran
/// out cannot overwrite the outcome of the one that took over. A final outcome (registered, parked) is also written to
/// the till's updates feed in the same transaction, so the till learns it exactly when it commits.</summary>
public sealed class PendingEInvoices(HqDatabase database)
{
    /// <summary>How long a claim lasts: longer than the calls one attempt makes (key, lookup, generate, lookup by IRN).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Bills taken per worker round, across tills.</summary>
    public const int HeadsPerRoundMax = 16;

    /// <summary>A worker round's bills: first every credit note whose invoice settled since the last round joins its
    /// till's queue (<see cref="PromoteCreditNotesAsync"/>), so that it goes before the till's later bills; then the due
    /// heads (<see cref="DueHeadsAsync"/>).</summary>
    public async Task<List<string>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await PromoteCreditNotesAsync(now, cancellationToken);
        return await DueHeadsAsync(now, cancellationToken);
    }

    /// <summary>The GSTIN of store <paramref name="storeId"/>: the caller at the portal for its bills.</summary>
    public async Task<string> SellerGstinAsync(long storeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await StoreGstinAsync(connection, storeId, cancellationToken)
            ?? throw new InvalidOperationException($"Store {storeId} has an e-invoice but no row.");
    }

    private static async Task<string?> StoreGstinAsync(DbConnection connection, long storeId, CancellationToken cancellationToken) =>
        await connection.Command("SELECT gstin FROM stores WHERE store_id = @id").With("@id", storeId).ScalarAsync(cancellationToken) as string;

    /// <summary>The ids of the bills due now that head their till's queue: the pending bill with the lowest tillSeq of
    /// each till, if its backoff has passed and no lease runs. A till whose head waits sends nothing else (tillSeq
    /// order); a parked (failed) bill is not pending, so it does not hold its till back.</summary>
    public async Task<List<string>> DueHeadsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command("""
            SELECT e.client_order_id FROM einvoices e
            WHERE e.status = 'pending' AND e.next_attempt_at <= @now AND e.claimed_until <= @now
              AND NOT EXISTS (SELECT 1 FROM einvoices p WHERE p.till_id = e.till_id AND p.status = 'pending' AND p.till_seq < e.till_seq)
            ORDER BY e.till_id LIMIT @max
            """).With("@now", StoredTime.Text(now)).With("@max", HeadsPerRoundMax).ListAsync(r => r.GetString(0), cancellationToken);
    }

    /// <summary>Makes <c>pending</c> every waiting credit note whose original invoice is settled — registered, parked, or
    /// a sale HQ holds without an e-invoice — so that the registrar sends it or parks it with the reason; answers how
    /// many. A credit note waits while its original is pending or has not reached HQ, and meanwhile does not hold its
    /// till's later bills back (docs/einvoice.md, "Credit notes").</summary>
    public async Task<int> PromoteCreditNotesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command($"""
            UPDATE einvoices SET status = '{EInvoiceStatuses.Pending}', next_attempt_at = @now, updated_at = @now
            WHERE status = '{EInvoiceStatuses.Waiting}' AND doc_type = 'CRN' AND client_order_id IN (
              SELECT r.document_id FROM returns r
              WHERE EXISTS (SELECT 1 FROM einvoices o WHERE o.client_order_id = r.original_order_id
                              AND o.status IN ('{EInvoiceStatuses.Registered}', '{EInvoiceStatuses.Failed}', '{EInvoiceStatuses.Cancelled}'))
                 OR (EXISTS (SELECT 1 FROM orders s WHERE s.client_order_id = r.original_order_id)
                     AND NOT EXISTS (SELECT 1 FROM einvoices o WHERE o.client_order_id = r.original_order_id)))
            """).With("@now", StoredTime.Text(now)).ExecuteAsync(cancellationToken);
    }

    /// <summary>Takes the bill until <c>now + </c><see cref="Lease"/> and counts the attempt; null when another worker
    /// took it first or it is no longer pending.</summary>
    public async Task<EInvoiceBill?> ClaimAsync(string clientOrderId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var leaseEnd = StoredTime.Text(now + Lease);
        var taken = await connection.Command("""
            UPDATE einvoices SET claimed_until = @lease, attempts = attempts + 1, updated_at = @now
            WHERE client_order_id = @id AND status = 'pending' AND claimed_until <= @now
            """).With("@lease", leaseEnd).With("@now", StoredTime.Text(now)).With("@id", clientOrderId).ExecuteAsync(cancellationToken);
        return taken == 1 ? await FindAsync(connection, clientOrderId, cancellationToken) : null;
    }

    /// <summary>Stores the IRP's acknowledgement and tells the till (<c>irn_registered</c>); false when the lease was lost.</summary>
    public Task<bool> RegisterAsync(EInvoiceBill claimed, Core.EInvoicing.IrnDetails details, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(claimed, now, new(TillUpdateKinds.IrnRegistered, string.Create(CultureInfo.InvariantCulture,
            $"E-invoice registered: AckNo {details.AckNo}; reprint the bill for its IRN and QR code.")), """
            status = 'registered', ack_no = @ackNo, ack_dt = @ackDt, signed_invoice = @invoice, signed_qr = @qr,
            ewb_no = @ewbNo, ewb_date = @ewbDt, ewb_valid_till = @ewbTill, last_error = NULL
            """, [("@ackNo", details.AckNo), ("@ackDt", details.AckDt), ("@invoice", details.SignedInvoice), ("@qr", details.SignedQRCode),
                  ("@ewbNo", details.EwbNo), ("@ewbDt", details.EwbDt), ("@ewbTill", details.EwbValidTill)], cancellationToken);

    /// <summary>Parks the bill as failed with <paramref name="reason"/> for a manager and tells the till
    /// (<c>einvoice_failed</c>); false when the lease was lost.</summary>
    public Task<bool> ParkAsync(EInvoiceBill claimed, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(claimed, now, new(TillUpdateKinds.EInvoiceFailed, Truncated($"E-invoice needs attention at HQ: {reason}")),
            "status = 'failed', last_error = @error", [("@error", Truncated(reason))], cancellationToken);

    /// <summary>Parks the bill as <see cref="ParkAsync"/> does, because the portal refused it as past its reporting limit,
    /// and opens its one <c>einvoice_past_limit</c> review item in the same transaction (a second refusal after a manager's
    /// retry opens no second item); false when the lease was lost.</summary>
    public Task<bool> ParkPastLimitAsync(EInvoiceBill claimed, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(claimed, now, new(TillUpdateKinds.EInvoiceFailed, Truncated($"E-invoice needs attention at HQ: {reason}")),
            "status = 'failed', last_error = @error", [("@error", Truncated(reason))], cancellationToken,
            (connection, transaction) => connection.Command($"""
                INSERT INTO review_items (kind, status, store_id, till_id, client_order_id, bill_no, detail, created_at)
                VALUES (@kind, @open, @store, @till, @id, @number, @detail, @at)
                ON CONFLICT (client_order_id) WHERE kind = '{ReviewItems.EInvoicePastLimit}' DO NOTHING
                """, transaction).With("@kind", ReviewItems.EInvoicePastLimit).With("@open", ReviewItems.Open).With("@store", claimed.StoreId)
                .With("@till", claimed.TillId).With("@id", claimed.ClientOrderId).With("@number", claimed.DocNo)
                .With("@detail", Truncated($"{(claimed.DocType == "CRN" ? "Credit note" : "Bill")} {claimed.DocNo} of {claimed.DocDate} to {claimed.BuyerGstin}: {reason}"))
                .With("@at", StoredTime.Text(now)).ExecuteAsync(cancellationToken));

    /// <summary>Puts a claimed credit note back to <c>waiting</c>: its original invoice is not registered yet
    /// (<paramref name="reason"/> says where it stands); false when the lease was lost.</summary>
    public Task<bool> WaitAsync(EInvoiceBill claimed, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(claimed, now, null, $"status = '{EInvoiceStatuses.Waiting}', last_error = @error", [("@error", Truncated(reason))], cancellationToken);

    /// <summary>Leaves the bill pending, to be tried again at <paramref name="nextAttemptAt"/>; false when the lease was lost.</summary>
    public Task<bool> PostponeAsync(EInvoiceBill claimed, string reason, DateTimeOffset nextAttemptAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        FinishAsync(claimed, now, null, "next_attempt_at = @next, last_error = @error",
            [("@next", StoredTime.Text(nextAttemptAt)), ("@error", Truncated(reason))], cancellationToken);

    /// <summary>One bill, or null.</summary>
    public static Task<EInvoiceBill?> FindAsync(DbConnection connection, string clientOrderId, CancellationToken cancellationToken) =>
        FindAsync(connection, null, clientOrderId, cancellationToken);

    /// <summary>One bill with its store's GSTIN (the caller's at the portal), or nulls: what a manager's portal call
    /// (a cancel, an e-way bill's cancel) starts from.</summary>
    public static async Task<(EInvoiceBill? Bill, string? SellerGstin)> FindWithSellerAsync(
        HqDatabase hqDatabase, string clientOrderId, CancellationToken cancellationToken)
    {
        await using var connection = await hqDatabase.OpenAsync(cancellationToken);
        var bill = await FindAsync(connection, clientOrderId, cancellationToken);
        var sellerGstin = bill is null ? null : await StoreGstinAsync(connection, bill.StoreId, cancellationToken);
        return (bill, sellerGstin);
    }

    /// <summary>One bill as <paramref name="transaction"/> sees it, or null.</summary>
    public static Task<EInvoiceBill?> FindAsync(
        DbConnection connection, DbTransaction? transaction, string clientOrderId, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {EInvoiceBill.Columns} FROM einvoices WHERE client_order_id = @id", transaction).With("@id", clientOrderId)
            .FirstOrDefaultAsync(EInvoiceBill.Read, cancellationToken);

    private async Task<bool> FinishAsync(
        EInvoiceBill claimed, DateTimeOffset now, FeedRow? feedRow, string set, IEnumerable<(string, object?)> values, CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, Task<int>>? alongside = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        if (feedRow is not null)
        {
            // Taken before the bill's row, in the order a sync batch takes them (till, then its orders' e-invoices).
            await TillFeed.LockTillAsync(connection, transaction, claimed.TillId, database.LockRowSql, cancellationToken);
        }

        // Releasing the lease (claimed_until = now) lets the till's next bill go at once.
        var updated = await connection.Command($"""
            UPDATE einvoices SET {set}, claimed_until = @now, updated_at = @now
            WHERE client_order_id = @id AND status = 'pending' AND claimed_until = @lease
            """, transaction).WithAll(values).With("@now", StoredTime.Text(now)).With("@id", claimed.ClientOrderId)
            .With("@lease", StoredTime.Text(claimed.ClaimedUntil)).ExecuteAsync(cancellationToken);
        if (updated == 1 && feedRow is not null)
        {
            var feed = TillFeed.NewRows(BulkInsert.ParametersPerStatementDefault);
            feed.Add(claimed.StoreId, claimed.TillId, feedRow.Kind, null, claimed.ClientOrderId, claimed.DocNo, feedRow.Summary, StoredTime.Text(now));
            await feed.FlushAsync(connection, transaction, cancellationToken);
        }

        if (updated == 1 && alongside is not null)
        {
            await alongside(connection, transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated == 1;
    }

    private sealed record FeedRow(string Kind, string Summary);

    private static string Truncated(string text) => text.Length <= 2_000 ? text : text[..2_000];
}
