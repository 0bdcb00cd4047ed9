using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Accounting;
using TillSync.Core;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Sums the journal per account over a period, from the balances HQ maintains as it posts
/// (<see cref="LedgerBalances"/>): whole months from the month rows, the edge days from the day rows, so the cost is the
/// period's months plus at most 62 days, times the accounts, and not its postings.</summary>
public static class TrialBalance
{
    /// <summary>The trial balance of <paramref name="period"/>; asserts that it balances.</summary>
    public static async Task<TrialBalanceView> LoadAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (accountRows, parameters) = period.BalanceRows(t => t.Accounts, "b.account, b.debit_paise, b.credit_paise");
        var rows = await snapshot.Connection!.Command($"""
            SELECT x.account, CAST(SUM(x.debit_paise) AS BIGINT), CAST(SUM(x.credit_paise) AS BIGINT)
            FROM ({accountRows}) x
            GROUP BY x.account ORDER BY x.account
            """, snapshot).WithAll(parameters).ListAsync(Row, cancellationToken);
        var (entryRows, entryParameters) = period.BalanceRows(t => t.Entries, "b.entries");
        var entries = Convert.ToInt64(
            await snapshot.Connection!.Command($"SELECT CAST(COALESCE(SUM(x.entries), 0) AS BIGINT) FROM ({entryRows}) x", snapshot).WithAll(entryParameters)
                .ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return Of(period, rows, entries);
    }

    /// <summary>An account's row from a reader of (account, Σ debits, Σ credits).</summary>
    public static TrialBalanceRow Row(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(1) - reader.GetInt64(2));

    /// <summary>The view of <paramref name="rows"/>; asserts that they balance.</summary>
    public static TrialBalanceView Of(LedgerPeriod period, IReadOnlyList<TrialBalanceRow> rows, long entries)
    {
        var debitPaise = rows.Sum(r => r.DebitPaise);
        var creditPaise = rows.Sum(r => r.CreditPaise);
        // Every entry balances on its own, so any set of whole entries does.
        Invariant.Assert(debitPaise == creditPaise);
        return new TrialBalanceView(period.FromText, period.ToText, period.StoreId, rows, debitPaise, creditPaise, entries);
    }
}
