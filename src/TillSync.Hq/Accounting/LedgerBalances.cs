using System.Data.Common;

namespace TillSync.Hq.Accounting;

/// <summary>The running totals HQ keeps as it posts (ADR 0009), in two grains: per business day and store
/// (<c>ledger_account_days</c>, <c>ledger_days</c>, <c>ledger_gst_days</c>) and per calendar month and store
/// (<c>ledger_account_months</c>, <c>ledger_months</c>, <c>ledger_gst_months</c>). <see cref="JournalWriter"/>, the one
/// writer of postings, adds every entry here and writes the sums in the entry's transaction, so the totals can never
/// disagree with the postings; the reports read whole months from the month rows and the days at a period's edges from
/// the day rows (<see cref="LedgerPeriod.BalanceRows"/>) instead of scanning every posting.</summary>
/// <remarks>Each flush adds to existing rows with <c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c>. On
/// PostgreSQL the upsert locks each row it adds to until commit, so two batches of one store's day (or month) serialise
/// on it and neither's sums are lost; the rows are written in one global order (the day tables, then the month tables;
/// within a table, by key) and after every other lock a writer takes (a sync batch's stock rows; a manager write's stock
/// rows), so two writers cannot deadlock on them.</remarks>
public sealed class LedgerBalances
{
    private readonly BalanceGrain _days = BalanceGrain.Day();
    private readonly BalanceGrain _months = BalanceGrain.Month();
    private readonly int _parametersPerStatement;

    /// <summary>Totals whose upserts carry at most <paramref name="parametersPerStatement"/> values on PostgreSQL.</summary>
    public LedgerBalances(int parametersPerStatement) => _parametersPerStatement = parametersPerStatement;

    /// <summary>Adds <paramref name="entry"/> (and the bill or credit note it records) to the totals to write.</summary>
    public void Add(JournalEntry entry)
    {
        _days.Add(entry);
        _months.Add(entry);
    }

    /// <summary>Adds the collected totals to the stored ones in <paramref name="transaction"/>, in the global lock order,
    /// and forgets them.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await _days.FlushAsync(connection, transaction, _parametersPerStatement, cancellationToken);
        await _months.FlushAsync(connection, transaction, _parametersPerStatement, cancellationToken);
    }
}
