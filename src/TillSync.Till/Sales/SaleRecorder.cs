using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TillSync.Contracts;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
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
/// will be sent to HQ together with its receipt. Sales are recorded one at a time on one connection the recorder keeps,
/// with its statements compiled once (bench/RESULTS.md: compiling them per sale was most of the sale's own cost); any
/// failure drops that connection and the next sale opens a fresh one. Without <paramref name="balances"/> (the
/// simulator, unit tests) the last-known loyalty balances are the snapshot's alone.</summary>
public sealed class SaleRecorder(
    TillDatabase database, SnapshotStore snapshots, IIdGenerator ids, TimeProvider time, SyncSignal signal, LoyaltyBalances? balances = null)
    : IAsyncDisposable
{
    private readonly LoyaltyBalances _balances = balances ?? new LoyaltyBalances(snapshots);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private SaleStatements? _statements;

    /// <summary>The receipt of the recorded sale, or a sentence for the cashier; nothing is stored on a problem.</summary>
    public async Task<(Receipt? Receipt, string? Problem)> RecordAsync(SaleRequest sale, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        if (snapshot is null)
        {
            return (null, "This till has no catalogue yet: it must reach HQ once before its first sale.");
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            var statements = _statements ??= await SaleStatements.OpenAsync(database, cancellationToken);
            try
            {
                return await RecordAsync(statements, snapshot, sale, cancellationToken);
            }
            catch
            {
                _statements = null;
                await statements.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Closes the kept connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync();
        try
        {
            if (_statements is not null)
            {
                await _statements.DisposeAsync();
                _statements = null;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    private async Task<(Receipt? Receipt, string? Problem)> RecordAsync(
        SaleStatements statements, TillSnapshot snapshot, SaleRequest sale, CancellationToken cancellationToken)
    {
        await using var transaction = TillDatabase.BeginWrite(statements.Connection);
        var customer = QuoteBuilder.Clean(sale.Customer);
        var (quote, lines, quoteProblem) = await QuoteBuilder.BuildAsync(statements.Products, transaction, snapshot, sale.Lines, customer, cancellationToken);
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
        var seq = await statements.NextSeqAsync(transaction, cancellationToken);
        var now = time.GetUtcNow();
        var createdAt = now.ToOffset(BillNumber.IstOffset);
        var order = new OrderDto(ids.NewId(), seq, BillNumber.Format(snapshot.BillPrefix, createdAt, seq), createdAt, lines!, plan.Applied,
            quote.Totals, customer, loyalty.Loyalty);
        var rejected = OrderRules.Check(SaleMapping.ToCore(order), snapshot.Store.Details.Gstin, snapshot.BillPrefix, now);
        if (rejected is not null)
        {
            return (null, $"This sale cannot be saved: {rejected.Detail}.");
        }

        var b2b = customer?.Gstin is not null;
        var receipt = new Receipt(order.ClientOrderId, seq, order.BillNo, createdAt, snapshot.TillName, snapshot.Store.Details, customer, b2b,
            new IrnInfo(b2b ? IrnStatuses.Pending : IrnStatuses.NotApplicable), quote.SupplyKind, quote.Lines, quote.GstSummary, quote.Totals, plan.Applied,
            plan.TenderedPaise, plan.ChangePaise, SyncStates.Pending);
        await statements.InsertAsync(transaction, order, receipt, quote.Totals.TotalPaise, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Wake();
        return (receipt, null);
    }

    // The recorder's connection and its statements, compiled once. Microsoft.Data.Sqlite keeps a command's compiled
    // statement for as long as its text and connection stay the same.
    private sealed class SaleStatements : IAsyncDisposable
    {
        private readonly DbCommand _nextSeq;
        private readonly DbCommand _insert;

        private SaleStatements(SqliteConnection connection)
        {
            Connection = connection;
            Products = new ProductLookup(connection);
            _nextSeq = connection.Command("UPDATE counter SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq");
            _insert = connection.Command("""
                INSERT INTO sales (till_seq, client_order_id, bill_no, created_at, total_paise, order_json, receipt_json, sync_state)
                VALUES (@seq, @id, @bill, @at, @total, @order, @receipt, 'pending')
                """)
                .With("@seq", 0L).With("@id", "").With("@bill", "").With("@at", "").With("@total", 0L).With("@order", "").With("@receipt", "");
        }

        public SqliteConnection Connection { get; }

        public ProductLookup Products { get; }

        public static async Task<SaleStatements> OpenAsync(TillDatabase database, CancellationToken cancellationToken) =>
            new(await database.OpenAsync(cancellationToken));

        public async Task<long> NextSeqAsync(DbTransaction transaction, CancellationToken cancellationToken)
        {
            _nextSeq.Transaction = transaction;
            return Convert.ToInt64(await _nextSeq.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        public async Task InsertAsync(DbTransaction transaction, OrderDto order, Receipt receipt, long totalPaise, CancellationToken cancellationToken)
        {
            _insert.Transaction = transaction;
            _insert.Set("@seq", order.TillSeq);
            _insert.Set("@id", order.ClientOrderId.ToString("D"));
            _insert.Set("@bill", order.BillNo);
            _insert.Set("@at", StoredTime.Text(order.CreatedAt));
            _insert.Set("@total", totalPaise);
            _insert.Set("@order", JsonSerializer.Serialize(order, TillSyncJsonContext.Default.OrderDto));
            _insert.Set("@receipt", JsonSerializer.Serialize(receipt, TillJsonContext.Default.Receipt));
            await _insert.ExecuteNonQueryAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await Products.DisposeAsync();
            await _nextSeq.DisposeAsync();
            await _insert.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
