using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The sums of one grain of the maintained balances (ADR 0009) — per business day (<see cref="Day"/>) or per
/// calendar month (<see cref="Month"/>) — collected from journal entries and added to the grain's three
/// <see cref="BalanceTables"/>: Σ debits and Σ credits per account, the period's entries, bills and credit notes, and the
/// GST summary's classes.</summary>
public sealed class BalanceGrain
{
    /// <summary>The columns of the account table's sums.</summary>
    private static readonly string[] AccountSums = ["debit_paise", "credit_paise"];

    /// <summary>The columns of the entries table's sums: a bill's figures are columns 1-4, a credit note's 5-8.</summary>
    private static readonly string[] EntrySums = ["entries", "bills", "bill_taxable_paise", "bill_tax_paise", "bill_total_paise", "credit_notes",
        "credit_note_taxable_paise", "credit_note_tax_paise", "credit_note_total_paise"];

    /// <summary>The columns of the GST table's sums.</summary>
    private static readonly string[] GstSums = ["documents", "taxable_paise", "cgst_paise", "sgst_paise", "igst_paise"];

    /// <summary>The columns of the GST table's key after period and store.</summary>
    private static readonly string[] GstClass = ["document", "supply", "inter_state", "gst_rate_bp"];

    // Keys in ordinal order, the same in every process whatever its culture: the order the rows are locked in.
    private readonly SortedDictionary<(string Period, long StoreId, string Account), long[]> _accounts = new(Comparer<(string Period, long StoreId, string Account)>.Create(
        (a, b) => Then(string.CompareOrdinal(a.Period, b.Period), a.StoreId.CompareTo(b.StoreId), string.CompareOrdinal(a.Account, b.Account))));

    private readonly SortedDictionary<(string Period, long StoreId), long[]> _entries = new(Comparer<(string Period, long StoreId)>.Create(
        (a, b) => Then(string.CompareOrdinal(a.Period, b.Period), a.StoreId.CompareTo(b.StoreId))));

    private readonly SortedDictionary<(string Period, long StoreId, string Document, string Supply, int InterState, int GstRateBp), long[]> _gst = new(
        Comparer<(string Period, long StoreId, string Document, string Supply, int InterState, int GstRateBp)>.Create((a, b) => Then(
            string.CompareOrdinal(a.Period, b.Period), a.StoreId.CompareTo(b.StoreId), string.CompareOrdinal(a.Document, b.Document),
            string.CompareOrdinal(a.Supply, b.Supply), a.InterState.CompareTo(b.InterState), a.GstRateBp.CompareTo(b.GstRateBp))));

    private readonly BalanceTables _tables;
    private readonly Func<DateOnly, string> _periodOf;

    private BalanceGrain(BalanceTables tables, Func<DateOnly, string> periodOf)
    {
        _tables = tables;
        _periodOf = periodOf;
    }

    /// <summary>Sums per business day and store.</summary>
    public static BalanceGrain Day() => new(BalanceTables.Days, JournalWriter.EntryDate);

    /// <summary>Sums per calendar month and store.</summary>
    public static BalanceGrain Month() => new(BalanceTables.Months, LedgerPeriod.MonthText);

    /// <summary>Adds <paramref name="entry"/> (and the bill or credit note it records) to the sums to write.</summary>
    public void Add(JournalEntry entry)
    {
        var period = _periodOf(entry.Date);
        foreach (var posting in entry.Postings)
        {
            var sums = Sums(_accounts, (period, entry.StoreId, posting.Account), AccountSums.Length);
            var side = posting.AmountPaise > 0 ? 0 : 1;
            sums[side] = checked(sums[side] + Math.Abs(posting.AmountPaise));
        }

        var entries = Sums(_entries, (period, entry.StoreId), EntrySums.Length);
        entries[0]++;
        if (entry.Supply is not { } supply)
        {
            return;
        }

        var first = supply.Document == SupplyDocument.Invoice ? 1 : 5;
        entries[first]++;
        entries[first + 1] = checked(entries[first + 1] + supply.Totals.TaxablePaise);
        entries[first + 2] = checked(entries[first + 2] + supply.TaxPaise);
        entries[first + 3] = checked(entries[first + 3] + supply.Totals.TotalPaise);
        var document = SupplyDocuments.Stored(supply.Document);
        foreach (var rate in supply.Lines.GroupBy(l => l.GstRateBp))
        {
            var sums = Sums(_gst, (period, entry.StoreId, document, supply.Supply, supply.IsInterState ? 1 : 0, rate.Key), GstSums.Length);
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

    /// <summary>Adds the collected sums to the stored ones in <paramref name="transaction"/>, table by table in key
    /// order, with additive upserts, and forgets them.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, int parametersPerStatement, CancellationToken cancellationToken)
    {
        var accounts = Upsert(_tables.Accounts, [_tables.PeriodColumn, "store_id", "account"], AccountSums, parametersPerStatement);
        foreach (var ((period, storeId, account), sums) in _accounts)
        {
            accounts.Add([period, storeId, account, .. sums.Cast<object?>()]);
        }

        var entries = Upsert(_tables.Entries, [_tables.PeriodColumn, "store_id"], EntrySums, parametersPerStatement);
        foreach (var ((period, storeId), sums) in _entries)
        {
            entries.Add([period, storeId, .. sums.Cast<object?>()]);
        }

        var gst = Upsert(_tables.Gst, [_tables.PeriodColumn, "store_id", .. GstClass], GstSums, parametersPerStatement);
        foreach (var ((period, storeId, document, supply, interState, rateBp), sums) in _gst)
        {
            gst.Add([period, storeId, document, supply, interState, rateBp, .. sums.Cast<object?>()]);
        }

        await accounts.FlushAsync(connection, transaction, cancellationToken);
        await entries.FlushAsync(connection, transaction, cancellationToken);
        await gst.FlushAsync(connection, transaction, cancellationToken);
        _accounts.Clear();
        _entries.Clear();
        _gst.Clear();
    }

    // INSERT … ON CONFLICT (key) DO UPDATE SET x = table.x + excluded.x for every sum: the database adds, so two writers
    // never overwrite each other's addition.
    private static BulkInsert Upsert(string table, string[] key, string[] sums, int parametersPerStatement) =>
        new(table, [.. key, .. sums], parametersPerStatement,
            $"ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", sums.Select(c => $"{c} = {table}.{c} + excluded.{c}"))}");

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
