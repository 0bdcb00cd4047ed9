using System.Text.Json;
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Documents;
using TillSync.Hq.Accounting;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>Everything a run left behind, read from the files after the drain: each till's sales as it recorded them and
/// where its queue stands, HQ's orders, stock ledger, on-hand and review items, and the stock the simulation received.</summary>
/// <param name="Tills">Each till's sales.</param>
/// <param name="HqOrders">HQ's orders in commit order (<c>hq_seq</c>).</param>
/// <param name="HqNextSeqByTill">HQ's <c>next_seq</c> per till id.</param>
/// <param name="MovementsMilliBySku">Σ stock movements per SKU.</param>
/// <param name="OnHandMilliBySku">HQ's on-hand per SKU.</param>
/// <param name="ReceivedMilliBySku">Stock the simulation received through HQ's API (opening stock included) per SKU.</param>
/// <param name="BroughtInMilliBySku">Stock the manager's review decisions brought in (<c>transfer_in</c>, <c>credit_note</c>) per SKU.</param>
/// <param name="Reviews">HQ's review items.</param>
/// <param name="JournalEntries">HQ's journal entries with the sum and count of their postings.</param>
/// <param name="BalancePaiseByAccount">Σ postings per account.</param>
/// <param name="BalancesCheck">HQ's maintained ledger balances compared with a full scan, all time (ADR 0009).</param>
/// <param name="Money">Returns, store credit and loyalty as HQ recorded them.</param>
/// <param name="Shifts">Shifts, cash movements and closes as HQ recorded them, and the cashiers' tally of each.</param>
/// <param name="Prices">The manager's price changes at HQ and the price each sale was billed at.</param>
/// <param name="StockDecisions">The manager's decisions that value stock in the books, in order.</param>
/// <param name="EInvoices">HQ's e-invoices, the portal's registrations and the requests that reached it.</param>
/// <param name="Loyalty">The loyalty code flow as HQ left it: its redemption tokens and the sales it refused for one.</param>
/// <param name="Promotions">The promotions the manager ran at HQ, as HQ recorded them.</param>
/// <param name="CostPaiseBySku">HQ's catalogue cost per SKU at the end, after the manager's cost changes (<see cref="Runs.CostDesk"/>).</param>
public sealed record RunFacts(
    IReadOnlyList<TillFacts> Tills,
    IReadOnlyList<HqOrder> HqOrders,
    IReadOnlyDictionary<long, long> HqNextSeqByTill,
    IReadOnlyDictionary<string, long> MovementsMilliBySku,
    IReadOnlyDictionary<string, long> OnHandMilliBySku,
    IReadOnlyDictionary<string, long> ReceivedMilliBySku,
    IReadOnlyDictionary<string, long> BroughtInMilliBySku,
    IReadOnlyList<HqReview> Reviews,
    IReadOnlyList<(string Ref, string Kind, long SumPaise, long Postings)> JournalEntries,
    IReadOnlyDictionary<string, long> BalancePaiseByAccount,
    LedgerCheckView BalancesCheck,
    MoneyFacts Money,
    ShiftFacts Shifts,
    PriceFacts Prices,
    IReadOnlyList<Shop.StockDecision> StockDecisions,
    EInvoiceFacts EInvoices,
    LoyaltyFacts Loyalty,
    PromotionFacts Promotions,
    IReadOnlyDictionary<string, long> CostPaiseBySku)
{
    /// <summary>Reads the facts from HQ's file and the tills' files.</summary>
    public static async Task<RunFacts> ReadAsync(
        string hqDatabasePath, IReadOnlyList<(int Number, long TillId, string DatabasePath, int QueueDepth)> tills,
        IReadOnlyDictionary<string, long> receivedMilliBySku, IReadOnlyDictionary<string, long> broughtInMilliBySku, IReadOnlyList<Shop.ShiftTally> tallies,
        (IReadOnlyList<Shop.PriceChange> Changes, IReadOnlyDictionary<Guid, Shop.BilledSale> Billed) prices, IReadOnlyList<Shop.StockDecision> stockDecisions,
        (string DatabasePath, IReadOnlyList<EInvoicing.RegisterCall> Calls) portal, DateTimeOffset checkedAt, CancellationToken cancellationToken)
    {
        var tillFacts = new List<TillFacts>();
        foreach (var (number, tillId, path, depth) in tills)
        {
            await using var till = await OpenAsync(path, cancellationToken);
            var sales = await till.Command("SELECT till_seq, document_id, number, body_json, sync_state FROM documents WHERE kind = 'sale' ORDER BY till_seq")
                .ListAsync(r => new TillSale(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken);
            var returns = await till.Command("""
                SELECT d.till_seq, d.document_id, d.number, d.body_json, d.sync_state FROM documents d WHERE d.kind = 'return' ORDER BY d.till_seq
                """).ListAsync(r => new TillReturn(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken);
            var shiftDocuments = await till.Command($"""
                SELECT till_seq, document_id, kind, body_json, sync_state FROM documents
                WHERE kind IN ('{DocumentKinds.ShiftOpen}', '{DocumentKinds.CashMovement}', '{DocumentKinds.ShiftClose}') ORDER BY till_seq
                """).ListAsync(r => new TillShiftDocument(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken);
            var zReports = await till.Command("SELECT z_report_json FROM shifts WHERE z_report_json IS NOT NULL ORDER BY z_number")
                .ListAsync(r => JsonSerializer.Deserialize(r.GetString(0), Till.Web.TillJsonContext.Default.ShiftReport)!, cancellationToken);
            var heard = await till.Command("SELECT client_order_id, irn, ack_no FROM sale_irns")
                .ListAsync(r => (Guid.Parse(r.GetString(0)), (r.GetString(1), r.GetString(2))), cancellationToken);
            tillFacts.Add(new TillFacts(number, tillId, sales, returns, depth, shiftDocuments, zReports, heard.ToDictionary()));
        }

        await using var hq = await OpenAsync(hqDatabasePath, cancellationToken);
        var orders = await hq.Command("""
            SELECT hq_seq, client_order_id, till_id, till_seq, bill_no, status, flags, fingerprint, body_json FROM orders ORDER BY hq_seq
            """).ListAsync(r => new HqOrder(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8)), cancellationToken);
        var nextSeq = await hq.Command("SELECT till_id, next_seq FROM tills").ListAsync(r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var movements = await hq.Command("SELECT sku, SUM(qty_milli) FROM stock_movements GROUP BY sku")
            .ListAsync(r => (r.GetString(0), r.GetInt64(1)), cancellationToken);
        var onHand = await hq.Command("SELECT sku, SUM(qty_milli) FROM stock_on_hand GROUP BY sku").ListAsync(r => (r.GetString(0), r.GetInt64(1)), cancellationToken);
        var reviews = await hq.Command("SELECT kind, client_order_id, sku, status, line_no, detail FROM review_items ORDER BY review_id")
            .ListAsync(r => new HqReview(r.GetString(0), Guid.Parse(r.GetString(1)), r.NullableString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4),
                r.GetString(5)), cancellationToken);
        var entries = await hq.Command("""
            SELECT e.entry_ref, e.kind, COALESCE(SUM(p.amount_paise), 0), COUNT(p.posting_no)
            FROM journal_entries e LEFT JOIN journal_postings p ON p.entry_ref = e.entry_ref GROUP BY e.entry_ref, e.kind
            """).ListAsync(r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);
        var costs = await hq.Command("SELECT sku, cost_paise FROM products").ListAsync(r => (r.GetString(0), r.GetInt64(1)), cancellationToken);
        var balances = await hq.Command("SELECT account, SUM(amount_paise) FROM journal_postings GROUP BY account")
            .ListAsync(r => (r.GetString(0), r.GetInt64(1)), cancellationToken);
        // The reports from the balances HQ maintained against the same reports from every posting and line, all time.
        LedgerCheckView check;
        await using (var snapshot = await hq.BeginTransactionAsync(cancellationToken))
        {
            check = await LedgerScan.CheckAsync(snapshot, new LedgerPeriod(null, null, null), cancellationToken);
        }

        var money = await MoneyFacts.ReadAsync(hq, checkedAt, Hq.Returns.ReturnOptions.UnlinkedAfterDefault, cancellationToken);
        var shifts = await ShiftFacts.ReadAsync(hq, tallies, cancellationToken);
        var priceFacts = await PriceFacts.ReadAsync(hq, prices.Changes, prices.Billed, cancellationToken);
        var einvoices = await EInvoiceFacts.ReadAsync(hq, portal.DatabasePath, portal.Calls, cancellationToken);
        var loyalty = await LoyaltyFacts.ReadAsync(hq, cancellationToken);
        var promotions = await PromotionFacts.ReadAsync(hq, cancellationToken);
        return new RunFacts(tillFacts, orders, nextSeq.ToDictionary(), movements.ToDictionary(StringComparer.Ordinal),
            onHand.ToDictionary(StringComparer.Ordinal), receivedMilliBySku, broughtInMilliBySku, reviews, entries, balances.ToDictionary(StringComparer.Ordinal), check, money, shifts, priceFacts, stockDecisions,
            einvoices, loyalty, promotions, costs.ToDictionary(StringComparer.Ordinal));
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
