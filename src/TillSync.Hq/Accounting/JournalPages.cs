using System.Data.Common;
using TillSync.Contracts.Accounting;
using TillSync.Storage;

namespace TillSync.Hq.Accounting;

/// <summary>The journal as JSON, a page of entries at a time in posting order.</summary>
public static class JournalPages
{
    /// <summary>Up to <paramref name="pageSize"/> entries of <paramref name="period"/> after entry number <paramref name="after"/>;
    /// only the entry <paramref name="entryRef"/> names when it is given, only those of <paramref name="kind"/> (one of
    /// <see cref="JournalKinds.All"/>) when that is.</summary>
    public static async Task<JournalPage> LoadAsync(
        DbConnection connection, LedgerPeriod period, long after, int pageSize, string? entryRef, string? kind, CancellationToken cancellationToken)
    {
        var (filter, parameters) = period.DayFilter("e");
        if (entryRef is not null)
        {
            filter += " AND e.entry_ref = @ref";
            parameters.Add(("@ref", entryRef));
        }

        if (kind is not null)
        {
            filter += " AND e.kind = @kind";
            parameters.Add(("@kind", kind));
        }

        parameters.Add(("@after", after));
        parameters.Add(("@limit", pageSize + 1));
        var entries = await connection.Command($"""
            SELECT e.entry_no, e.entry_ref, e.store_id, e.kind, e.entry_date, e.description, e.posted_at
            FROM journal_entries e WHERE {filter} AND e.entry_no > @after ORDER BY e.entry_no LIMIT @limit
            """).WithAll(parameters).ListAsync(r => new JournalEntryView(
                r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5), StoredTime.Parse(r.GetString(6)), []),
            cancellationToken);
        var more = entries.Count > pageSize;
        if (more)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        var postings = (await connection.ListWhereInAsync(null,
                "SELECT entry_ref, account, amount_paise FROM journal_postings WHERE entry_ref IN ({list}) ORDER BY entry_ref, posting_no",
                entries.Select(e => e.Ref).ToList(), [], r => (Ref: r.GetString(0), Posting: new PostingView(r.GetString(1), r.GetInt64(2))),
                cancellationToken))
            .ToLookup(p => p.Ref, p => p.Posting, StringComparer.Ordinal);
        var page = entries.Select(e => e with { Postings = postings[e.Ref].ToList() }).ToList();
        return new JournalPage(page, more ? page[^1].EntryNo : null);
    }
}
