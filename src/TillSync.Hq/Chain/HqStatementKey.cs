using System.Data.Common;
using System.Security.Cryptography;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Core.Chain;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Hq.Chain;

/// <summary>HQ's P-256 key for its signed statements to tills (ADR 0016), kept in <c>hq_keys</c> so that every HQ process
/// on one database signs with the same key: the first process that needs one makes it (<c>INSERT … ON CONFLICT DO
/// NOTHING</c>, then every process reads back the one that stands).</summary>
public sealed class HqStatementKey(HqDatabase database, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Lock _signing = new();
    private ECDsa? _key;

    /// <summary>HQ's public key, base64 of its DER SubjectPublicKeyInfo, as the snapshot carries it; null until loaded.</summary>
    public string? PublicKey { get; private set; }

    /// <summary>Loads (or first makes) the key; cheap once loaded.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return;
            }

            await using var connection = await database.OpenAsync(cancellationToken);
            var pem = await ReadAsync(connection, cancellationToken);
            if (pem is null)
            {
                using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                await connection.Command("""
                    INSERT INTO hq_keys (purpose, algorithm, private_key, public_key, created_at) VALUES ('statement', @algorithm, @private, @public, @at)
                    ON CONFLICT (purpose) DO NOTHING
                    """).With("@algorithm", DocumentChain.Algorithm).With("@private", made.ExportPkcs8PrivateKeyPem())
                    .With("@public", Convert.ToBase64String(made.ExportSubjectPublicKeyInfo())).With("@at", StoredTime.Text(time.GetUtcNow()))
                    .ExecuteAsync(cancellationToken);
                pem = await ReadAsync(connection, cancellationToken);
            }

            var key = ECDsa.Create();
            key.ImportFromPem(pem);
            PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
            _key = key;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>HQ's signed statement that the highest entry it holds of <paramref name="tillId"/> is at
    /// <paramref name="tillSeq"/> with <paramref name="hash"/>.</summary>
    public HqStatementDto Statement(long tillId, long tillSeq, string? hash)
    {
        Invariant.Assert(_key is not null);
        lock (_signing)
        {
            return new HqStatementDto(tillId, tillSeq, hash, HqStatementText.Sign(tillId, tillSeq, hash, _key!));
        }
    }

    /// <summary>HQ's signed word that it rejected <paramref name="result"/>'s document of <paramref name="tillId"/> (ADR 0020),
    /// for a relaying till to hand back to the origin.</summary>
    public HqOutcomeDto Rejection(long tillId, DocumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Invariant.Assert(_key is not null && result.Status == SyncStatus.Rejected && result.Reason is not null);
        lock (_signing)
        {
            return new HqOutcomeDto(tillId, result.TillSeq, result.DocumentId, result.Reason!, result.Detail,
                HqOutcomeText.Sign(tillId, result.TillSeq, result.DocumentId, result.Reason!, result.Detail, _key!));
        }
    }

    /// <summary>The statement for <paramref name="tillId"/> as the database stands in <paramref name="transaction"/>: its
    /// highest <c>tillSeq</c> (<c>next_seq</c> − 1) and that entry's chain hash.</summary>
    public async Task<HqStatementDto> CurrentAsync(DbConnection connection, DbTransaction? transaction, long tillId, long nextSeq, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Statement(tillId, nextSeq - 1, await TillChains.HashAtAsync(connection, transaction, tillId, nextSeq - 1, cancellationToken));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _key?.Dispose();
        _loading.Dispose();
    }

    private static async Task<string?> ReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.Command("SELECT private_key FROM hq_keys WHERE purpose = 'statement'").ScalarAsync(cancellationToken) as string;
}
