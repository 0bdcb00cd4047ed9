using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Core.Ids;
using TillSync.Core.Orders;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Loyalty;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Storage;
using TillSync.Till.Sync;
using TillSync.Till.Web;

namespace TillSync.Till.Sales;

/// <summary>Records a sale durably before its receipt shows: one local transaction takes the next number from the
/// counter (both <c>tillSeq</c> and the bill number), mints the <c>clientOrderId</c>, and stores the order exactly as it
/// will be sent to HQ together with its receipt. Without <paramref name="balances"/> (the simulator, unit tests) the
/// last-known loyalty balances are the snapshot's alone.</summary>
public sealed class SaleRecorder(
    TillDatabase database, SnapshotStore snapshots, IIdGenerator ids, TimeProvider time, SyncSignal signal, LoyaltyBalances? balances = null)
{
    private readonly LoyaltyBalances _balances = balances ?? new LoyaltyBalances(snapshots);

    /// <summary>The receipt of the recorded sale, or a sentence for the cashier; nothing is stored on a problem.</summary>
    public async Task<(Receipt? Receipt, string? Problem)> RecordAsync(SaleRequest sale, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        if (snapshot is null)
        {
            return (null, "This till has no catalogue yet: it must reach HQ once before its first sale.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        var customer = QuoteBuilder.Clean(sale.Customer);
        var (quote, lines, quoteProblem) = await QuoteBuilder.BuildAsync(connection, transaction, snapshot, sale.Lines, customer, cancellationToken);
        if (quote is null)
        {
            return (null, quoteProblem);
        }

        var phone = customer?.Phone;
        var (loyalty, loyaltyProblem) = LoyaltyPlan.For(snapshot.Loyalty?.Settings, phone, quote.Totals.TotalPaise, sale.Loyalty?.BurnPoints ?? 0,
            sale.Loyalty?.RedemptionToken, phone is null ? null : _balances.Known(phone)?.BalancePoints);
        if (loyalty is null)
        {
            return (null, loyaltyProblem);
        }

        // A burn is a loyalty tender; the cashier's tenders cover the rest of the bill.
        var (tenders, tenderProblem) = TenderPlan.For(quote.Totals.TotalPaise - loyalty.BurnPaise, sale.Payments);
        if (tenders is null)
        {
            return (null, tenderProblem);
        }

        var plan = loyalty.BurnPaise == 0 ? tenders
            : tenders with { Applied = [new PaymentDto(PaymentMethods.Loyalty, loyalty.BurnPaise), .. tenders.Applied] };

        // The counter row exists from the first snapshot on; the number is consumed only if the transaction commits.
        var seq = Convert.ToInt64(
            await connection.Command("UPDATE counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq", transaction).ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);
        var now = time.GetUtcNow();
        var createdAt = now.ToOffset(BillNumber.IstOffset);
        var order = new OrderDto(ids.NewId(), seq, BillNumber.Format(snapshot.BillPrefix, createdAt, seq), createdAt, lines!, plan.Applied,
            quote.Totals, customer, loyalty.Loyalty);
        var rejected = OrderRules.Check(order, snapshot.Store.Details.Gstin, snapshot.BillPrefix, now);
        if (rejected is not null)
        {
            return (null, $"This sale cannot be saved: {rejected.Detail}.");
        }

        var b2b = customer?.Gstin is not null;
        var receipt = new Receipt(order.ClientOrderId, seq, order.BillNo, createdAt, snapshot.TillName, snapshot.Store.Details, customer, b2b,
            new IrnInfo(b2b ? IrnStatuses.Pending : IrnStatuses.NotApplicable), quote.SupplyKind, quote.Lines, quote.GstSummary, quote.Totals, plan.Applied,
            plan.TenderedPaise, plan.ChangePaise, SyncStates.Pending);
        await connection.Command("""
            INSERT INTO sales (till_seq, client_order_id, bill_no, created_at, total_paise, order_json, receipt_json, sync_state)
            VALUES (@seq, @id, @bill, @at, @total, @order, @receipt, 'pending')
            """, transaction)
            .With("@seq", seq).With("@id", order.ClientOrderId.ToString("D")).With("@bill", order.BillNo)
            .With("@at", StoredTime.Text(createdAt)).With("@total", quote.Totals.TotalPaise)
            .With("@order", JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto))
            .With("@receipt", JsonSerializer.Serialize(receipt, TillJsonContext.Default.Receipt))
            .ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
        return (receipt, null);
    }
}
