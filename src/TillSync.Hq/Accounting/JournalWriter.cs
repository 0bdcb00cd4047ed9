using System.Data.Common;
using System.Globalization;
using TillSync.Core;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>Writes journal entries in the caller's transaction — the transaction of the event they record — with the
/// balance asserted twice: each entry before it is queued, and every written entry again after reading its postings
/// back from the database (TigerBeetle's paired assertions). It is the one writer of postings — the sync batch and every
/// manager write use it — and keeps the per-day and per-month balances the reports read (<see cref="LedgerBalances"/>, ADR 0009) in the
/// same transaction. In a sync batch it writes last (<see cref="WriteStage.Totals"/>), after the store's stock rows, the
/// lock order every manager write follows too.</summary>
public sealed class JournalWriter : IBatchStep
{
    private readonly BulkInsert _entries;
    private readonly BulkInsert _postings;
    private readonly Dictionary<string, int> _postingCountByRef = new(StringComparer.Ordinal);
    private readonly LedgerBalances _balances;

    /// <summary>A writer whose multi-row inserts carry at most <paramref name="parametersPerStatement"/> values.</summary>
    public JournalWriter(int parametersPerStatement)
    {
        _entries = new("journal_entries", ["entry_ref", "store_id", "kind", "entry_date", "description", "posted_at"], parametersPerStatement);
        _postings = new("journal_postings", ["entry_ref", "posting_no", "store_id", "account", "amount_paise"], parametersPerStatement);
        _balances = new LedgerBalances(parametersPerStatement);
    }

    /// <inheritdoc />
    public WriteStage Stage => WriteStage.Totals;

    /// <inheritdoc />
    public Task LoadAsync(SyncBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task WriteAsync(SyncBatch batch, CancellationToken cancellationToken) => FlushAsync(batch.Connection, batch.Transaction, cancellationToken);

    /// <summary>Entries queued so far.</summary>
    public int Count => _postingCountByRef.Count;

    /// <summary>Queues <paramref name="entry"/>, posted at <paramref name="postedAt"/>.</summary>
    public void Add(JournalEntry entry, DateTimeOffset postedAt)
    {
        Invariant.Assert(entry.IsBalanced);
        _postingCountByRef.Add(entry.Ref, entry.Postings.Count);
        _entries.Add(entry.Ref, entry.StoreId, entry.Kind, EntryDate(entry.Date), entry.Description, StoredTime.Text(postedAt));
        for (var i = 0; i < entry.Postings.Count; i++)
        {
            _postings.Add(entry.Ref, i + 1, entry.StoreId, entry.Postings[i].Account, entry.Postings[i].AmountPaise);
        }

        _balances.Add(entry);
    }

    /// <summary>Writes the queued entries and reads them back — every entry must be stored whole and balance — then adds
    /// them to the maintained balances. A second entry with a ref already posted fails on <c>entry_ref</c>'s unique key
    /// before the balances move, so nothing is ever counted twice.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (Count == 0)
        {
            return;
        }

        await _entries.FlushAsync(connection, transaction, cancellationToken);
        await _postings.FlushAsync(connection, transaction, cancellationToken);
        var stored = await connection.ListWhereInAsync(transaction,
            "SELECT entry_ref, COUNT(*), CAST(SUM(amount_paise) AS BIGINT) FROM journal_postings WHERE entry_ref IN ({list}) GROUP BY entry_ref",
            _postingCountByRef.Keys.ToList(), [],
            r => (Ref: r.GetString(0), Postings: r.GetInt64(1), SumPaise: r.GetInt64(2)), cancellationToken);
        Invariant.Assert(stored.Count == Count);
        foreach (var entry in stored)
        {
            Invariant.Assert(entry.SumPaise == 0 && entry.Postings == _postingCountByRef[entry.Ref]);
        }

        await _balances.FlushAsync(connection, transaction, cancellationToken);

        _postingCountByRef.Clear();
    }

    /// <summary>A business date as stored: <c>yyyy-MM-dd</c>, which sorts as dates do.</summary>
    public static string EntryDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
