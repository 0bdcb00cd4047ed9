using System.Data.Common;
using System.Globalization;
using TillSync.Contracts.Documents;
using TillSync.Core.Chain;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Receipts;

namespace TillSync.Till.Outbox;

/// <summary>One write transaction of <see cref="DocumentWriter"/>: the till's counters (every document's <c>tillSeq</c>,
/// the printed series), the outbox row of each document, and the statements a kind uses for its own rows — all compiled
/// once for the writer's connection. Nothing is kept unless <see cref="CommitAsync"/> is called.</summary>
public sealed class DocumentTransaction
{
    private readonly DocumentWriter.KeptConnection _kept;
    private readonly DbTransaction _transaction;
    private readonly ReceiptKey _key;

    internal DocumentTransaction(DocumentWriter.KeptConnection kept, DbTransaction transaction, ReceiptKey key)
    {
        _kept = kept;
        _transaction = transaction;
        _key = key;
    }

    /// <summary>The catalogue lookup on this transaction's connection.</summary>
    public ProductLookup Products => _kept.Products;

    /// <summary>The transaction, for a lookup that reads inside it.</summary>
    public DbTransaction Transaction => _transaction;

    /// <summary>The next <c>tillSeq</c>; consumed only if the transaction commits. The counter row exists from the first
    /// snapshot on, so a till that never reached HQ has none and cannot make documents.</summary>
    public async Task<long> NextSeqAsync(CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync("UPDATE counters SET last_value = last_value + 1 WHERE name = @name RETURNING last_value", cancellationToken,
            ("@name", Counters.TillSeq)), CultureInfo.InvariantCulture);

    /// <summary>The next number of a printed series (<see cref="PrintedSeries"/>), from 1; consumed only if the transaction
    /// commits.</summary>
    public async Task<long> NextNumberAsync(string series, CancellationToken cancellationToken) =>
        Convert.ToInt64(await ScalarAsync("""
            INSERT INTO counters (name, last_value) VALUES (@series, 1)
            ON CONFLICT (name) DO UPDATE SET last_value = last_value + 1 RETURNING last_value
            """, cancellationToken, ("@series", series)), CultureInfo.InvariantCulture);

    /// <summary>Stores <paramref name="document"/> in the outbox, pending, with the JSON that will be sent, its checksum and
    /// its signed chain entry (ADR 0016), linked to the entry at its tillSeq − 1: computed once here, never rewritten.</summary>
    public async Task<int> AddAsync(TillDocumentDto document, string? number, DateTimeOffset createdAt, long totalPaise, CancellationToken cancellationToken)
    {
        var json = StoredDocument.Json(document);
        var bodySha256 = StoredDocument.Checksum(json);
        var prevHash = await ScalarAsync(PrevHashSql, cancellationToken, ("@prev", document.TillSeq - 1)) as string ?? DocumentChain.Genesis;
        var hash = DocumentChain.Hash(document.TillSeq, prevHash, bodySha256);
        return await ExecuteAsync("""
            INSERT INTO documents (till_seq, document_id, kind, number, created_at, total_paise, body_json, body_sha256, sync_state,
                                   chain_prev_hash, chain_hash, chain_signature)
            VALUES (@seq, @id, @kind, @number, @at, @total, @body, @sha, 'pending', @prev, @hash, @signature)
            """, cancellationToken,
            ("@seq", document.TillSeq), ("@id", document.DocumentId.ToString("D")), ("@kind", document.Kind), ("@number", number),
            ("@at", StoredTime.Text(createdAt)), ("@total", totalPaise), ("@body", json), ("@sha", bodySha256),
            ("@prev", prevHash), ("@hash", hash), ("@signature", _key.SignChain(hash)));
    }

    /// <summary>The hash a new document at <c>@prev</c> + 1 links to; null means genesis (ADR 0016). It is the entry at
    /// <c>@prev</c> as HQ holds it when HQ's signed statement names that number, else the till's own row there. In a till in
    /// step with HQ the two are the same entry; they differ only when the till's log forked from HQ's (restored from an old
    /// backup, it re-used numbers HQ holds) or lost the rows (a reinstall whose counter the snapshot raised): its next
    /// document then continues the chain HQ holds, and <c>till verify</c> and the statement check name the fork. An entry
    /// from before the chain, or none, starts the chain.</summary>
    public const string PrevHashSql = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM hq_statement WHERE till_seq = @prev) THEN (SELECT hash FROM hq_statement WHERE till_seq = @prev)
                    ELSE (SELECT chain_hash FROM documents WHERE till_seq = @prev) END
        """;

    /// <summary>Runs a statement (compiled once for the writer's connection) in this transaction.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        _kept.Statement(sql, _transaction, parameters).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Runs a query for one value (compiled once for the writer's connection) in this transaction.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var value = await _kept.Statement(sql, _transaction, parameters).ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Runs a query (compiled once for the writer's connection) in this transaction and maps every row.</summary>
    public async Task<List<T>> ListAsync<T>(
        string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var reader = await _kept.Statement(sql, _transaction, parameters).ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Makes every write of this transaction durable (<c>synchronous=FULL</c>).</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);
}
