using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Tills;
using TillSync.Core;
using TillSync.Storage;
using TillSync.Till.Storage;
using TillSync.Till.Sync;

namespace TillSync.Till.Peers;

/// <summary>The rows of the store LAN (<c>peer_documents</c>, schema 11): what this till holds of each till's chain — its
/// own chained log and the copies it accepted of the others' — and the pages it serves of them.</summary>
public sealed class PeerCopies(TillDatabase database)
{
    /// <summary>The highest <c>tillSeq</c> held per till: this till's own highest chained entry and each other till's
    /// highest copy.</summary>
    public async Task<List<PeerHead>> HeadsAsync(long ownTillId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var heads = await connection.Command("SELECT origin_till_id, MAX(till_seq) FROM peer_documents GROUP BY origin_till_id ORDER BY origin_till_id")
            .ListAsync(r => new PeerHead(r.GetInt64(0), r.GetInt64(1)), cancellationToken);
        var own = await connection.Command("SELECT COALESCE(MAX(till_seq), 0) FROM documents WHERE chain_hash IS NOT NULL")
            .FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        if (own > 0)
        {
            heads.Add(new PeerHead(ownTillId, own));
        }

        return heads;
    }

    /// <summary>The copy held at the top of <paramref name="originTillId"/>'s chain, or null.</summary>
    public async Task<(long TillSeq, string Hash)?> TopAsync(long originTillId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command("""
            SELECT till_seq, chain_hash FROM peer_documents WHERE origin_till_id = @till ORDER BY till_seq DESC LIMIT 1
            """).With("@till", originTillId).FirstOrDefaultAsync(r => ((long, string)?)(r.GetInt64(0), r.GetString(1)), cancellationToken);
    }

    /// <summary>A page of <paramref name="originTillId"/>'s chain after <paramref name="after"/>: from this till's own log
    /// when it is this till's (chained entries only: what was written before the chain began cannot be checked by anyone),
    /// else from its copies. At most <see cref="PeerExchange.PageDocumentsMax"/> entries, and no more documents once
    /// <see cref="PeerExchange.PageBytesMax"/> is reached (one entry always, however large).</summary>
    public async Task<PeerPage> PageAsync(long originTillId, long ownTillId, long after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = originTillId == ownTillId
            ? """
              SELECT till_seq, body_json, chain_prev_hash, chain_hash, chain_signature FROM documents
              WHERE till_seq > @after AND chain_hash IS NOT NULL ORDER BY till_seq LIMIT @limit
              """
            : """
              SELECT till_seq, body_json, chain_prev_hash, chain_hash, chain_signature FROM peer_documents
              WHERE origin_till_id = @till AND till_seq > @after ORDER BY till_seq LIMIT @limit
              """;
        var rows = await connection.Command(sql).With("@till", originTillId).With("@after", after).With("@limit", PeerExchange.PageDocumentsMax + 1)
            .ListAsync(r => new PeerEntry(r.GetInt64(0), r.GetString(1), r.NullableString(2) ?? "", r.NullableString(3) ?? "", r.NullableString(4) ?? ""),
                cancellationToken);
        var entries = new List<PeerEntry>();
        var bytes = 0L;
        foreach (var row in rows.Take(PeerExchange.PageDocumentsMax))
        {
            bytes = checked(bytes + Encoding.UTF8.GetByteCount(row.Document));
            if (entries.Count > 0 && bytes > PeerExchange.PageBytesMax)
            {
                break;
            }

            entries.Add(row);
        }

        return new PeerPage(originTillId, entries, entries.Count < rows.Count);
    }

    /// <summary>The bodies of the other tills' documents of <paramref name="kinds"/> this till holds copies of that
    /// <paramref name="snapshot"/>'s figures do not count: each origin's from its head in the snapshot's <c>tillHeads</c> on
    /// (HQ read its on-hand and balances in the same view as those heads), narrowed by <paramref name="condition"/> on the
    /// row's <c>body_json</c> if given. With no heads (an HQ before the store LAN) none: nothing then says which of them
    /// the snapshot already counts. The stock view and the offline burn's balance both count by this rule.</summary>
    public static async Task<List<string>> SinceHeadsAsync(
        SqliteConnection connection, TillSnapshot snapshot, string[] kinds, CancellationToken cancellationToken,
        (string Sql, string Name, object Value)? condition = null)
    {
        var kindNames = string.Join(", ", kinds.Select((_, i) => $"@kind{i}"));
        var bodies = new List<string>();
        foreach (var head in snapshot.TillHeads?.Where(h => h.TillId != snapshot.TillId) ?? [])
        {
            var command = connection.Command($"""
                SELECT body_json FROM peer_documents
                WHERE origin_till_id = @till AND till_seq >= @next AND kind IN ({kindNames}){(condition is { } c ? " AND " + c.Sql : "")}
                ORDER BY till_seq
                """).With("@till", head.TillId).With("@next", head.NextSeq);
            for (var i = 0; i < kinds.Length; i++)
            {
                command.With($"@kind{i}", kinds[i]);
            }

            if (condition is { } narrowed)
            {
                command.With(narrowed.Name, narrowed.Value);
            }

            bodies.AddRange(await command.ListAsync(r => r.GetString(0), cancellationToken));
        }

        return bodies;
    }

    /// <summary>The copies HQ does not hold yet, for a relay request (ADR 0020): per origin till, from
    /// <paramref name="firstSeq"/>'s answer on, in <c>tillSeq</c> order; at most <see cref="Limits.RelayGroupsMax"/> origins
    /// and, in all groups together, <see cref="Limits.SyncOrdersMax"/> documents within <see cref="Limits.SyncBodyBytesMax"/>.
    /// Copies are contiguous from each chain's start, so a group is contiguous from where HQ stands.</summary>
    public async Task<List<RelayedGroup>> UnrelayedAsync(Func<long, long> firstSeq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var origins = await connection.Command("SELECT DISTINCT origin_till_id FROM peer_documents ORDER BY origin_till_id")
            .ListAsync(r => r.GetInt64(0), cancellationToken);
        var groups = new List<RelayedGroup>();
        int documents = 0, bytes = RelayEnvelopeBytes;
        foreach (var origin in origins)
        {
            if (groups.Count == Limits.RelayGroupsMax || documents == Limits.SyncOrdersMax)
            {
                break;
            }

            var rows = await connection.Command("""
                SELECT till_seq, document_id, body_json, chain_prev_hash, chain_hash, chain_signature FROM peer_documents
                WHERE origin_till_id = @till AND till_seq >= @from ORDER BY till_seq LIMIT @limit
                """).With("@till", origin).With("@from", firstSeq(origin)).With("@limit", Limits.SyncOrdersMax - documents)
                .ListAsync(r => new RelayedDocument(r.GetInt64(0), Guid.Parse(r.GetString(1)), r.GetString(2),
                    new DocumentChainDto(r.GetInt64(0), r.GetString(3), r.GetString(4), r.GetString(5))), cancellationToken);
            var group = new List<RelayedDocument>();
            foreach (var row in rows)
            {
                // The document's bytes, its chain entry (under 300 bytes as JSON) and the separators.
                bytes = checked(bytes + Encoding.UTF8.GetByteCount(row.Json) + RelayEntryBytes);
                if (bytes > Limits.SyncBodyBytesMax && documents > 0)
                {
                    return Add(groups, origin, group);
                }

                group.Add(row);
                documents++;
            }

            Add(groups, origin, group);
        }

        return groups;
    }

    // The envelope of a relay request, and what each document's chain entry adds to it, counted generously.
    private const int RelayEnvelopeBytes = 64 * (Limits.RelayGroupsMax + 1);
    private const int RelayEntryBytes = 320;

    private static List<RelayedGroup> Add(List<RelayedGroup> groups, long origin, List<RelayedDocument> group)
    {
        if (group.Count > 0)
        {
            groups.Add(new RelayedGroup(origin, group));
        }

        return groups;
    }

    /// <summary>Stores accepted copies in one transaction, skipping any already held (one exchange loop stores copies, so
    /// the copies held cannot have moved since the page was checked against them) and stopping at a copy whose document id
    /// this till already holds; returns how many were stored and that refusal.</summary>
    public async Task<(int Stored, PeerRefusal? Refusal)> StoreAsync(
        IReadOnlyList<AcceptedCopy> copies, string receivedFrom, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (copies.Count == 0)
        {
            return (0, null);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        var origin = copies[0].OriginTillId;
        var top = await connection.Command("SELECT COALESCE(MAX(till_seq), 0) FROM peer_documents WHERE origin_till_id = @till", transaction)
            .With("@till", origin).FirstOrDefaultAsync(r => r.GetInt64(0), cancellationToken);
        var stored = 0;
        PeerRefusal? refusal = null;
        foreach (var copy in copies.Where(c => c.Entry.TillSeq > top))
        {
            if (await IdHeldAsync(connection, transaction, copy.Document.DocumentId, cancellationToken))
            {
                refusal = new PeerRefusal(origin, copy.Entry.TillSeq, "duplicate_id",
                    $"document {copy.Document.DocumentId} at tillSeq {copy.Entry.TillSeq} has an id this till already holds");
                break;
            }

            await Insert(connection, transaction, copy, receivedFrom, now).ExecuteAsync(cancellationToken);
            stored++;
        }

        await transaction.CommitAsync(cancellationToken);
        return (stored, refusal);
    }

    private static async Task<bool> IdHeldAsync(SqliteConnection connection, DbTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        await connection.Command("""
            SELECT EXISTS (SELECT 1 FROM documents WHERE document_id = @id) OR EXISTS (SELECT 1 FROM peer_documents WHERE document_id = @id)
            """, transaction).With("@id", id.ToString("D")).FirstOrDefaultAsync(r => r.GetInt64(0) == 1, cancellationToken);

    private static DbCommand Insert(SqliteConnection connection, DbTransaction transaction, AcceptedCopy copy, string receivedFrom, DateTimeOffset now) =>
        connection.Command("""
            INSERT INTO peer_documents (origin_till_id, till_seq, document_id, kind, number, body_json, body_sha256,
                                        chain_prev_hash, chain_hash, chain_signature, received_from, received_at)
            VALUES (@till, @seq, @id, @kind, @number, @body, @sha, @prev, @hash, @signature, @from, @at)
            """, transaction)
            .With("@till", copy.OriginTillId).With("@seq", copy.Entry.TillSeq).With("@id", copy.Document.DocumentId.ToString("D"))
            .With("@kind", copy.Document.Kind).With("@number", copy.Document.Sale?.BillNo ?? copy.Document.Return?.CreditNoteNo)
            .With("@body", copy.Entry.Document).With("@sha", copy.BodySha256).With("@prev", copy.Entry.PrevHash).With("@hash", copy.Entry.Hash)
            .With("@signature", copy.Entry.Signature).With("@from", receivedFrom).With("@at", StoredTime.Text(now));
}
