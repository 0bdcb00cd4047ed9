using System.Data.Common;
using TillSync.Contracts.Documents;
using TillSync.Core.Chain;
using TillSync.Storage;

namespace TillSync.Till.Chain;

/// <summary>HQ's latest signed statement of the highest entry it holds of this till's chain (<c>hq_statement</c>, ADR 0016).
/// Only a statement about this till whose signature checks with the snapshot's HQ key is kept, and only when it is not
/// older than the one kept: an answer delayed behind a newer one never moves it back.</summary>
public static class HqStatements
{
    /// <summary>Keeps <paramref name="statement"/> when it checks; returns whether it did.</summary>
    public static async Task<bool> StoreAsync(
        DbConnection connection, DbTransaction transaction, HqStatementDto? statement, string? hqKey, long tillId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (statement is null || statement.TillId != tillId || !Checks(statement, hqKey))
        {
            return false;
        }

        return await connection.Command("""
            INSERT INTO hq_statement (id, till_id, till_seq, hash, signature, received_at) VALUES (1, @till, @seq, @hash, @signature, @at)
            ON CONFLICT (id) DO UPDATE SET till_id = excluded.till_id, till_seq = excluded.till_seq, hash = excluded.hash,
                signature = excluded.signature, received_at = excluded.received_at
            WHERE excluded.till_seq >= hq_statement.till_seq OR excluded.till_id <> hq_statement.till_id
            """, transaction)
            .With("@till", statement.TillId).With("@seq", statement.TillSeq).With("@hash", statement.Hash).With("@signature", statement.Signature)
            .With("@at", StoredTime.Text(now)).ExecuteAsync(cancellationToken) == 1;
    }

    /// <summary>The statement kept, or null.</summary>
    public static Task<HqStatementDto?> ReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.Command("SELECT till_id, till_seq, hash, signature FROM hq_statement WHERE id = 1")
            .FirstOrDefaultAsync(r => new HqStatementDto(r.GetInt64(0), r.GetInt64(1), r.NullableString(2), r.GetString(3)), cancellationToken);

    /// <summary>True when <paramref name="statement"/> is signed by <paramref name="hqKey"/>.</summary>
    public static bool Checks(HqStatementDto statement, string? hqKey)
    {
        using var key = DocumentChain.PublicKey(hqKey);
        return key is not null && HqStatementText.Verify(statement.TillId, statement.TillSeq, statement.Hash, statement.Signature, key);
    }

    /// <summary>True when <paramref name="rejection"/> is signed by <paramref name="hqKey"/>.</summary>
    public static bool Checks(HqOutcomeDto rejection, string? hqKey)
    {
        using var key = DocumentChain.PublicKey(hqKey);
        return key is not null
            && HqOutcomeText.Verify(rejection.TillId, rejection.TillSeq, rejection.DocumentId, rejection.Reason, rejection.Detail, rejection.Signature, key);
    }
}
