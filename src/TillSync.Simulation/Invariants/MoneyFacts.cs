using System.Data.Common;
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Accounting;
using TillSync.Hq.Accounting;
using TillSync.Storage;

namespace TillSync.Simulation.Invariants;

/// <summary>What HQ recorded of every document that moves money beyond a sale's own rows: its ledger of every till document,
/// the credit notes with their lines, store credit and loyalty movements, each customer's maintained balance, the postings by
/// entry kind, and the GST summary's credit notes — read after the drain.</summary>
/// <param name="Documents">Every row of <c>till_documents</c>.</param>
/// <param name="Returns">Committed returns, in the order HQ recorded them.</param>
/// <param name="ReturnLines">Their lines.</param>
/// <param name="Vouchers">Store credit movements, per voucher code.</param>
/// <param name="Loyalty">Loyalty movements, per phone.</param>
/// <param name="LoyaltyBalances">Each customer's maintained balance (<c>loyalty_customers</c>).</param>
/// <param name="PaiseByKindAndAccount">Σ postings per journal entry kind and account.</param>
/// <param name="CreditNoteTotals">The GST summary's credit-note totals, all time (null when it has none).</param>
/// <param name="CheckedAt">HQ's clock when the run was checked.</param>
/// <param name="UnlinkedAfter">How long a return may wait for its original before HQ opens a <c>return_unlinked</c> item.</param>
public sealed record MoneyFacts(
    IReadOnlyList<HqDocument> Documents,
    IReadOnlyList<HqReturn> Returns,
    IReadOnlyList<HqReturnLine> ReturnLines,
    IReadOnlyList<HqMovement> Vouchers,
    IReadOnlyList<HqMovement> Loyalty,
    IReadOnlyDictionary<string, long> LoyaltyBalances,
    IReadOnlyDictionary<(string Kind, string Account), long> PaiseByKindAndAccount,
    GstSummaryRow? CreditNoteTotals,
    DateTimeOffset CheckedAt,
    TimeSpan UnlinkedAfter)
{
    /// <summary>Reads them from HQ's file through <paramref name="hq"/>.</summary>
    public static async Task<MoneyFacts> ReadAsync(SqliteConnection hq, DateTimeOffset checkedAt, TimeSpan unlinkedAfter, CancellationToken cancellationToken)
    {
        var documents = await hq.Command("SELECT document_id, kind, till_id, till_seq, status FROM till_documents ORDER BY till_id, till_seq")
            .ListAsync(r => new HqDocument(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4)), cancellationToken);
        var returns = await hq.Command("""
            SELECT document_id, till_id, till_seq, credit_note_no, flags, original_order_id, linked_at, committed_at, taxable_paise,
                   cgst_paise + sgst_paise + igst_paise, body_json
            FROM returns ORDER BY rowid
            """).ListAsync(r => new HqReturn(Guid.Parse(r.GetString(0)), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
                Guid.Parse(r.GetString(5)), !r.IsDBNull(6), StoredTime.Parse(r.GetString(7)),
                r.GetInt64(8), r.GetInt64(9), r.GetString(10)), cancellationToken);
        var lines = await hq.Command("SELECT document_id, original_order_id, original_line_no, sku, qty_milli, condition FROM return_lines ORDER BY document_id, line_no")
            .ListAsync(r => new HqReturnLine(Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetInt32(2), r.GetString(3), r.GetInt64(4), r.GetString(5)),
                cancellationToken);
        var vouchers = await hq.Command("SELECT voucher_code, kind, amount_paise, document_id FROM store_credit_movements ORDER BY movement_id")
            .ListAsync(r => new HqMovement(r.GetString(0), r.GetString(1), r.GetInt64(2), Guid.Parse(r.GetString(3))), cancellationToken);
        var loyalty = await hq.Command("SELECT phone, kind, points, client_order_id FROM loyalty_movements ORDER BY movement_id")
            .ListAsync(r => new HqMovement(r.GetString(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? null : Guid.Parse(r.GetString(3))), cancellationToken);
        var balances = await hq.Command("SELECT phone, balance_points FROM loyalty_customers").ListAsync(r => (r.GetString(0), r.GetInt64(1)), cancellationToken);
        var postings = await hq.Command("""
            SELECT e.kind, p.account, SUM(p.amount_paise) FROM journal_postings p JOIN journal_entries e ON e.entry_ref = p.entry_ref GROUP BY e.kind, p.account
            """).ListAsync(r => ((r.GetString(0), r.GetString(1)), r.GetInt64(2)), cancellationToken);
        GstSummaryView summary;
        await using (DbTransaction snapshot = await hq.BeginTransactionAsync(cancellationToken))
        {
            summary = await LedgerScan.GstSummaryAsync(snapshot, new LedgerPeriod(null, null, null), cancellationToken);
        }

        return new MoneyFacts(documents, returns, lines, vouchers, loyalty, balances.ToDictionary(StringComparer.Ordinal), postings.ToDictionary(),
            summary.CreditNoteTotals, checkedAt, unlinkedAfter);
    }
}
