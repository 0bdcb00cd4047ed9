using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Accounting;
using TillSync.Core;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Sums the journal per account over a period, from the per-day balances HQ maintains as it posts
/// (<see cref="LedgerBalances"/>): the cost is the days × accounts in the period, not its postings.</summary>
public static class TrialBalance
{
    /// <summary>The trial balance of <paramref name="period"/>; asserts that it balances.</summary>
    public static async Task<TrialBalanceView> LoadAsync(DbTransaction snapshot, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.DayFilter("b");
        var rows = await snapshot.Connection!.Command($"""
            SELECT b.account, CAST(SUM(b.debit_paise) AS BIGINT), CAST(SUM(b.credit_paise) AS BIGINT)
            FROM ledger_account_days b
            WHERE {filter}
            GROUP BY b.account ORDER BY b.account
            """, snapshot).WithAll(parameters).ListAsync(Row, cancellationToken);
        var entries = Convert.ToInt64(
            await snapshot.Connection!.Command($"SELECT CAST(COALESCE(SUM(b.entries), 0) AS BIGINT) FROM ledger_days b WHERE {filter}", snapshot).WithAll(parameters)
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
