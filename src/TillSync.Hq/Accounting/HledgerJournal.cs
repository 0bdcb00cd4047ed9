using System.Data.Common;
using System.Globalization;
using TillSync.Core.Money;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Writes the journal as an hledger journal file: the INR commodity and every account declared first (so
/// <c>hledger check --strict</c> holds), then the entries by business date and posting order (so <c>ordereddates</c>
/// holds), amounts in rupees.</summary>
public static class HledgerJournal
{
    /// <summary>The commodity of every amount.</summary>
    public const string Commodity = "INR";

    /// <summary>Streams the entries of <paramref name="period"/> to <paramref name="writer"/>.</summary>
    public static async Task WriteAsync(
        DbConnection connection, LedgerPeriod period, TextWriter writer, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.DayFilter("e");
        // The accounts the period moved, from the maintained balances: as many rows as months × accounts, not postings.
        var (accountRows, accountParameters) = period.BalanceRows(t => t.Accounts, "b.account");
        var accounts = await connection.Command($"SELECT DISTINCT x.account FROM ({accountRows}) x")
            .WithAll(accountParameters).ListAsync(r => r.GetString(0), cancellationToken);
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"; TillSync HQ journal, business dates {period.FromText ?? "(start)"} to {period.ToText ?? "(end)"}, store {period.StoreId?.ToString(CultureInfo.InvariantCulture) ?? "all"}, exported {exportedAt:yyyy-MM-ddTHH:mm:ssZ}"));
        await writer.WriteLineAsync($"commodity 1000.00 {Commodity}");
        await writer.WriteLineAsync();
        foreach (var account in Accounts.Fixed.Concat(accounts).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await writer.WriteLineAsync($"account {account}");
        }

        await using var command = connection.Command($"""
            SELECT e.entry_no, e.entry_ref, e.kind, e.entry_date, e.description, p.account, p.amount_paise
            FROM journal_entries e JOIN journal_postings p ON p.entry_ref = e.entry_ref
            WHERE {filter}
            ORDER BY e.entry_date, e.entry_no, p.posting_no
            """).WithAll(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        string? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var entryRef = reader.GetString(1);
            if (entryRef != current)
            {
                current = entryRef;
                await writer.WriteLineAsync();
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{reader.GetString(3)} ({entryRef}) {OneLine(reader.GetString(4))}  ; kind:{reader.GetString(2)}, entry:{reader.GetInt64(0)}"));
            }

            await writer.WriteLineAsync($"    {reader.GetString(5),-40}  {Paise.ToRupeeString(reader.GetInt64(6)),14} {Commodity}");
        }
    }

    // A description must stay on its line and must not open a comment.
    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace(';', ',');
}
