using System.Data.Common;
using TillSync.Contracts.Accounting;
using TillSync.Core;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Sums the journal per account over a period.</summary>
public static class TrialBalance
{
    /// <summary>The trial balance of <paramref name="period"/>; asserts that it balances.</summary>
    public static async Task<TrialBalanceView> LoadAsync(DbConnection connection, LedgerPeriod period, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.JournalFilter("e");
        var command = connection.Command($"""
            SELECT p.account,
                   CAST(SUM(CASE WHEN p.amount_paise > 0 THEN p.amount_paise ELSE 0 END) AS BIGINT),
                   CAST(SUM(CASE WHEN p.amount_paise < 0 THEN -p.amount_paise ELSE 0 END) AS BIGINT)
            FROM journal_postings p JOIN journal_entries e ON e.entry_ref = p.entry_ref
            WHERE {filter}
            GROUP BY p.account ORDER BY p.account
            """).WithAll(parameters);
        var rows = await command.ListAsync(r => new TrialBalanceRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(1) - r.GetInt64(2)),
            cancellationToken);
        var entries = Convert.ToInt64(
            await connection.Command($"SELECT COUNT(*) FROM journal_entries e WHERE {filter}").WithAll(parameters).ScalarAsync(cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);
        var debitPaise = rows.Sum(r => r.DebitPaise);
        var creditPaise = rows.Sum(r => r.CreditPaise);
        // Every entry balances on its own, so any set of whole entries does.
        Invariant.Assert(debitPaise == creditPaise);
        return new TrialBalanceView(period.FromText, period.ToText, period.StoreId, rows, debitPaise, creditPaise, entries);
    }
}
