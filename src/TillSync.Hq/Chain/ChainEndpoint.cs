using TillSync.Contracts.Tills;
using TillSync.Core.Chain;
using TillSync.Hq.Access;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.Chain;

/// <summary><c>GET /api/v1/tills/{tillId}/chain</c>, for managers: walks the chain HQ holds of one till end to end and
/// names the first broken link (ADR 0016). A database edited behind HQ's back — an entry changed, deleted or moved — is
/// named here.</summary>
public static class ChainEndpoint
{
    /// <summary>Maps the check.</summary>
    public static void MapChainEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/tills/{tillId:long}/chain", VerifyAsync).RequireManager().Produces<TillChainReport>().ProducesProblem(404);

    private static async Task<IResult> VerifyAsync(long tillId, HqDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await database.BeginReadAsync(connection, cancellationToken);
        var exists = await connection.Command("SELECT 1 FROM tills WHERE till_id = @till", transaction).With("@till", tillId)
            .ScalarAsync(cancellationToken) is not null;
        if (!exists)
        {
            return Problems.NotFound($"No till {tillId}.");
        }

        using var key = await TillChains.KeyAsync(connection, transaction, tillId, cancellationToken);
        var walk = key is null ? null : new ChainWalk(key);
        long entries = 0, headSeq = 0;
        string? headHash = null;
        ChainBreak? broken = null;
        await using (var reader = await connection.Command("""
            SELECT till_seq, body_sha256, chain_prev_hash, chain_hash, chain_signature FROM till_documents WHERE till_id = @till ORDER BY till_seq
            """, transaction).With("@till", tillId).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries++;
                (headSeq, headHash) = (reader.GetInt64(0), reader.NullableString(3));
                var link = new ChainLink(headSeq, reader.NullableString(1), reader.NullableString(2), headHash, reader.NullableString(4));
                broken ??= walk is null
                    ? link.Hash is null ? null : new ChainBreak(headSeq, ChainBreakKind.BadSignature, $"tillSeq {headSeq} is chained, but the till has no registered key.")
                    : walk.Next(link);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new TillChainReport(tillId, entries, walk?.Chained ?? 0, broken is null, broken?.TillSeq,
            broken is null ? null : ChainBreaks.Code(broken.Kind), broken?.Detail, headSeq, headHash));
    }
}
