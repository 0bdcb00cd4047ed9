using System.Data.Common;
using TillSync.Contracts.Sync;
using TillSync.Core.Chain;
using TillSync.Hq.Sync;
using TillSync.Storage;

namespace TillSync.Hq.Chain;

/// <summary>The tills' document chains as HQ holds them (ADR 0016): each chained document is checked on arrival — the
/// bytes it came as against its hash, its link against the entry HQ holds at <c>tillSeq</c> − 1, its signature against the
/// till's registered key — and its entry is kept on its ledger row. Once a till's chain has begun, HQ refuses a document
/// of it that comes unchained.</summary>
public sealed class TillChains : IDisposable
{
    private readonly System.Security.Cryptography.ECDsa? _key;
    private readonly ChainWalk? _walk;
    private readonly string? _keyProblem;
    private string? _head;

    private TillChains(System.Security.Cryptography.ECDsa? key, string? keyProblem, string? head, long nextSeq)
    {
        _key = key;
        _walk = key is null ? null : new ChainWalk(key, nextSeq - 1, head);
        _keyProblem = keyProblem;
        _head = head;
    }

    /// <summary>The hash of the newest entry HQ holds (or has just accepted in this batch); null when it is unchained.</summary>
    public string? Head => _head;

    /// <summary>Begins a batch's checks from the entry HQ holds at <paramref name="nextSeq"/> − 1.</summary>
    public static async Task<TillChains> BeginAsync(
        DbConnection connection, DbTransaction transaction, long tillId, long nextSeq, bool anyChained, CancellationToken cancellationToken)
    {
        var head = await HashAtAsync(connection, transaction, tillId, nextSeq - 1, cancellationToken);
        if (!anyChained)
        {
            return new TillChains(null, null, head, nextSeq);
        }

        var key = await KeyAsync(connection, transaction, tillId, cancellationToken);
        return new TillChains(key, key is null ? "this till has no registered key to check its chain with (PUT /api/v1/till/key)" : null, head, nextSeq);
    }

    /// <inheritdoc />
    public void Dispose() => _key?.Dispose();

    /// <summary>Checks the document HQ is about to record at its till's next <c>tillSeq</c>: null when it may be recorded
    /// (its entry then becomes the head), else the reason (<c>chain_broken</c> or <c>chain_missing</c>) and a sentence
    /// naming the <c>tillSeq</c>.</summary>
    public (string Reason, string Detail)? Check(IncomingDocument document)
    {
        if (document.Chain is not { } entry)
        {
            if (_head is not null)
            {
                return (SyncReasons.ChainMissing,
                    $"tillSeq {document.TillSeq} came without its chain entry, but this till's chain began before it; HQ takes no unchained document from it");
            }

            // Before the chain began (a till's documents from before its upgrade): the walk moves past it, unchained.
            _walk?.Next(new ChainLink(document.TillSeq, null, null, null, null));
            return null;
        }

        if (_keyProblem is not null || _walk is null)
        {
            return (SyncReasons.ChainBroken, $"tillSeq {document.TillSeq} cannot be checked: {_keyProblem}");
        }

        if (_walk.Next(new ChainLink(document.TillSeq, document.BodySha256, entry.PrevHash, entry.Hash, entry.Signature)) is { } broken)
        {
            return (SyncReasons.ChainBroken, $"the chain breaks at tillSeq {broken.TillSeq}: {broken.Detail.TrimEnd('.')}");
        }

        _head = entry.Hash;
        return null;
    }

    /// <summary>The chain hash HQ holds of <paramref name="tillId"/>'s document at <paramref name="tillSeq"/>; null when
    /// that document is unchained or HQ holds none there.</summary>
    public static async Task<string?> HashAtAsync(
        DbConnection connection, DbTransaction? transaction, long tillId, long tillSeq, CancellationToken cancellationToken) =>
        tillSeq < 1 ? null
            : await connection.Command("SELECT chain_hash FROM till_documents WHERE till_id = @till AND till_seq = @seq", transaction)
                .With("@till", tillId).With("@seq", tillSeq).ScalarAsync(cancellationToken) as string;

    /// <summary>The till's registered public key, or null.</summary>
    public static async Task<System.Security.Cryptography.ECDsa?> KeyAsync(
        DbConnection connection, DbTransaction? transaction, long tillId, CancellationToken cancellationToken) =>
        DocumentChain.PublicKey(await connection.Command("SELECT public_key FROM till_keys WHERE till_id = @till", transaction)
            .With("@till", tillId).ScalarAsync(cancellationToken) as string);
}
