using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The running totals HQ keeps per business day and store as it posts (ADR 0009): Σ debits and Σ credits per
/// account (<c>ledger_account_days</c>), the day's entries, bills and credit notes (<c>ledger_days</c>) and the GST
/// summary's classes (<c>ledger_gst_days</c>). <see cref="JournalWriter"/>, the one writer of postings, adds every entry
/// here and writes the sums in the entry's transaction, so the totals can never disagree with the postings; the reports
/// read them instead of scanning every posting.</summary>
/// <remarks>Each flush adds to existing rows with <c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>. On
/// PostgreSQL the upsert locks each row it adds to until commit, so two batches of one store's day serialise on it and
/// neither's sums are lost; the rows are written in one global order (table, then key) and after every other lock a
/// writer takes (a sync batch's stock rows; a manager write's stock rows), so two writers cannot deadlock on them.</remarks>
public sealed class LedgerBalances
{
    private const string AddAccountDay =
        "ON CONFLICT (entry_date, store_id, account) DO UPDATE SET debit_paise = ledger_account_days.debit_paise + excluded.debit_paise, " +
        "credit_paise = ledger_account_days.credit_paise + excluded.credit_paise";

    private const string AddDay =
        "ON CONFLICT (entry_date, store_id) DO UPDATE SET entries = ledger_days.entries + excluded.entries, " +
        "bills = ledger_days.bills + excluded.bills, bill_taxable_paise = ledger_days.bill_taxable_paise + excluded.bill_taxable_paise, " +
        "bill_tax_paise = ledger_days.bill_tax_paise + excluded.bill_tax_paise, bill_total_paise = ledger_days.bill_total_paise + excluded.bill_total_paise, " +
        "credit_notes = ledger_days.credit_notes + excluded.credit_notes, " +
        "credit_note_taxable_paise = ledger_days.credit_note_taxable_paise + excluded.credit_note_taxable_paise, " +
        "credit_note_tax_paise = ledger_days.credit_note_tax_paise + excluded.credit_note_tax_paise, " +
        "credit_note_total_paise = ledger_days.credit_note_total_paise + excluded.credit_note_total_paise";

    private const string AddGstDay =
        "ON CONFLICT (entry_date, store_id, document, supply, inter_state, gst_rate_bp) DO UPDATE SET " +
        "documents = ledger_gst_days.documents + excluded.documents, taxable_paise = ledger_gst_days.taxable_paise + excluded.taxable_paise, " +
        "cgst_paise = ledger_gst_days.cgst_paise + excluded.cgst_paise, sgst_paise = ledger_gst_days.sgst_paise + excluded.sgst_paise, " +
        "igst_paise = ledger_gst_days.igst_paise + excluded.igst_paise";

    // Keys in ordinal order, the same in every process whatever its culture: the order the rows are locked in.
    private readonly SortedDictionary<(string Date, long StoreId, string Account), long[]> _accounts = new(Comparer<(string Date, long StoreId, string Account)>.Create(
        (a, b) => Then(string.CompareOrdinal(a.Date, b.Date), a.StoreId.CompareTo(b.StoreId), string.CompareOrdinal(a.Account, b.Account))));

    private readonly SortedDictionary<(string Date, long StoreId), long[]> _days = new(Comparer<(string Date, long StoreId)>.Create(
        (a, b) => Then(string.CompareOrdinal(a.Date, b.Date), a.StoreId.CompareTo(b.StoreId))));

    private readonly SortedDictionary<(string Date, long StoreId, string Document, string Supply, int InterState, int GstRateBp), long[]> _gst = new(
        Comparer<(string Date, long StoreId, string Document, string Supply, int InterState, int GstRateBp)>.Create((a, b) => Then(
            string.CompareOrdinal(a.Date, b.Date), a.StoreId.CompareTo(b.StoreId), string.CompareOrdinal(a.Document, b.Document),
            string.CompareOrdinal(a.Supply, b.Supply), a.InterState.CompareTo(b.InterState), a.GstRateBp.CompareTo(b.GstRateBp))));

    private readonly int _parametersPerStatement;

    /// <summary>Totals whose upserts carry at most <paramref name="parametersPerStatement"/> values on PostgreSQL.</summary>
    public LedgerBalances(int parametersPerStatement) => _parametersPerStatement = parametersPerStatement;

    /// <summary>Adds <paramref name="entry"/> (and the bill or credit note it records) to the totals to write.</summary>
    public void Add(JournalEntry entry)
    {
        var date = JournalWriter.EntryDate(entry.Date);
        foreach (var posting in entry.Postings)
        {
            var sums = Sums(_accounts, (date, entry.StoreId, posting.Account), 2);
            var side = posting.AmountPaise > 0 ? 0 : 1;
            sums[side] = checked(sums[side] + Math.Abs(posting.AmountPaise));
        }

        var day = Sums(_days, (date, entry.StoreId), 9);
        day[0]++;
        if (entry.Supply is not { } supply)
        {
            return;
        }

        // A bill's figures take columns 1-4 of ledger_days, a credit note's 5-8.
        var first = supply.Document == SupplyDocument.Invoice ? 1 : 5;
        day[first]++;
        day[first + 1] = checked(day[first + 1] + supply.Totals.TaxablePaise);
        day[first + 2] = checked(day[first + 2] + supply.TaxPaise);
        day[first + 3] = checked(day[first + 3] + supply.Totals.TotalPaise);
        var document = SupplyDocuments.Stored(supply.Document);
        foreach (var rate in supply.Lines.GroupBy(l => l.GstRateBp))
        {
            var sums = Sums(_gst, (date, entry.StoreId, document, supply.Supply, supply.IsInterState ? 1 : 0, rate.Key), 5);
            sums[0]++;
            foreach (var (_, tax) in rate)
            {
                sums[1] = checked(sums[1] + tax.TaxablePaise);
                sums[2] = checked(sums[2] + tax.CgstPaise);
                sums[3] = checked(sums[3] + tax.SgstPaise);
                sums[4] = checked(sums[4] + tax.IgstPaise);
            }
        }
    }

    /// <summary>Adds the collected totals to the stored ones in <paramref name="transaction"/>, in key order, and forgets them.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var accounts = new BulkInsert("ledger_account_days", ["entry_date", "store_id", "account", "debit_paise", "credit_paise"],
            _parametersPerStatement, AddAccountDay);
        foreach (var ((date, storeId, account), sums) in _accounts)
        {
            accounts.Add(date, storeId, account, sums[0], sums[1]);
        }

        var days = new BulkInsert("ledger_days", ["entry_date", "store_id", "entries", "bills", "bill_taxable_paise", "bill_tax_paise",
            "bill_total_paise", "credit_notes", "credit_note_taxable_paise", "credit_note_tax_paise", "credit_note_total_paise"],
            _parametersPerStatement, AddDay);
        foreach (var ((date, storeId), sums) in _days)
        {
            days.Add([date, storeId, .. sums.Cast<object?>()]);
        }

        var gst = new BulkInsert("ledger_gst_days", ["entry_date", "store_id", "document", "supply", "inter_state", "gst_rate_bp", "documents",
            "taxable_paise", "cgst_paise", "sgst_paise", "igst_paise"], _parametersPerStatement, AddGstDay);
        foreach (var ((date, storeId, document, supply, interState, rateBp), sums) in _gst)
        {
            gst.Add([date, storeId, document, supply, interState, rateBp, .. sums.Cast<object?>()]);
        }

        await accounts.FlushAsync(connection, transaction, cancellationToken);
        await days.FlushAsync(connection, transaction, cancellationToken);
        await gst.FlushAsync(connection, transaction, cancellationToken);
        _accounts.Clear();
        _days.Clear();
        _gst.Clear();
    }

    // The first comparison that tells two keys apart.
    private static int Then(params ReadOnlySpan<int> comparisons)
    {
        foreach (var comparison in comparisons)
        {
            if (comparison != 0)
            {
                return comparison;
            }
        }

        return 0;
    }

    private static long[] Sums<TKey>(SortedDictionary<TKey, long[]> sums, TKey key, int columns) where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var row))
        {
            sums.Add(key, row = new long[columns]);
        }

        return row;
    }
}
