using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Documents;
using TillSync.Core.Chain;
using TillSync.Storage;
using TillSync.Till.Storage;

namespace TillSync.Till.Chain;

/// <summary>The till's own view of its document chain (ADR 0016): checks its log against HQ's latest signed statement —
/// on start and after each sync — and names a database restored from an old backup or truncated or edited after HQ
/// acknowledged it (<see cref="Problem"/>, shown in the till's status and logged; nothing is repaired); and walks the whole
/// chain for <c>tillsync till verify</c>.</summary>
public sealed partial class TillChain(TillDatabase database, ILogger<TillChain>? logger = null)
{
    private volatile string? _problem;

    /// <summary>What the last check against HQ's statement found wrong; null when the log holds what HQ acknowledged.</summary>
    public string? Problem => _problem;

    /// <summary>Keeps HQ's statement from a sync answer when it checks with <paramref name="hqKey"/>, then checks the log
    /// against the statement kept.</summary>
    public async Task ReceivedAsync(HqStatementDto? statement, string? hqKey, long tillId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (statement is not null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = TillDatabase.BeginWrite(connection);
            await HqStatements.StoreAsync(connection, transaction, statement, hqKey, tillId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await CheckAsync(cancellationToken);
    }

    /// <summary>Compares the log with the statement kept and sets <see cref="Problem"/>; returns it.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var problem = await AgainstStatementAsync(connection, cancellationToken);
        if (problem is not null && problem != _problem)
        {
            if (logger is not null)
            {
                LogBehind(logger, problem);
            }
        }

        _problem = problem;
        return problem;
    }

    /// <summary>What is wrong with the log against HQ's statement, or null: a highest <c>tillSeq</c> below HQ's, or another
    /// hash (or none) at HQ's <c>tillSeq</c>.</summary>
    public static async Task<string?> AgainstStatementAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (await HqStatements.ReadAsync(connection, cancellationToken) is not { TillSeq: > 0 } statement)
        {
            return null;
        }

        var highest = Convert.ToInt64(await connection.Command("SELECT COALESCE(MAX(till_seq), 0) FROM documents").ScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture);
        var held = $"HQ holds seq {statement.TillSeq}" + (statement.Hash is null ? "" : $" hash {ChainWalk.Abbreviated(statement.Hash)}");
        if (highest < statement.TillSeq)
        {
            return $"till database is behind what HQ acknowledged: {held}, this till has seq {highest}";
        }

        if (statement.Hash is null)
        {
            return null;
        }

        var (present, hash) = await connection.Command("SELECT 1, chain_hash FROM documents WHERE till_seq = @seq").With("@seq", statement.TillSeq)
            .FirstOrDefaultAsync(r => (true, r.NullableString(1)), cancellationToken);
        return !present
            ? $"till database lost an entry HQ acknowledged: {held}, this till has no entry at seq {statement.TillSeq}"
            : hash != statement.Hash
                ? $"till database differs from what HQ acknowledged: {held}, this till has hash {ChainWalk.Abbreviated(hash)} at seq {statement.TillSeq}"
                : null;
    }

    /// <summary>Walks the whole log in <c>tillSeq</c> order — each document's stored bytes against its chain hash, each
    /// link, each signature with <paramref name="tillKey"/> — then checks it against HQ's statement (verified with the
    /// snapshot's HQ key). <paramref name="progress"/> hears (entries walked, entries in all) every
    /// <see cref="ProgressEvery"/> entries and at the end.</summary>
    public async Task<ChainReport> VerifyAsync(ECDsa tillKey, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM documents").ScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var walk = new ChainWalk(tillKey);
        ChainBreak? broken = null;
        await using (var reader = await connection.Command(
            "SELECT till_seq, body_json, chain_prev_hash, chain_hash, chain_signature FROM documents ORDER BY till_seq").ExecuteReaderAsync(cancellationToken))
        {
            while (broken is null && await reader.ReadAsync(cancellationToken))
            {
                var body = reader.NullableString(1);
                broken = walk.Next(new ChainLink(reader.GetInt64(0), DocumentChain.BodySha256(body ?? ""),
                    reader.NullableString(2), reader.NullableString(3), reader.NullableString(4)));
                if (walk.Walked % ProgressEvery == 0)
                {
                    progress?.Invoke(walk.Walked, total);
                }
            }
        }

        progress?.Invoke(walk.Walked, total);
        var statement = await HqStatements.ReadAsync(connection, cancellationToken);
        var statementProblem = statement is null ? null
            : !HqStatements.Checks(statement, await HqKeyAsync(connection, cancellationToken)) ? "HQ's statement kept on this till does not check with HQ's key"
            : await AgainstStatementAsync(connection, cancellationToken);
        return new ChainReport(total, walk.Walked, walk.Chained, broken, statement, statementProblem);
    }

    /// <summary>How often <see cref="VerifyAsync"/> reports progress.</summary>
    public const int ProgressEvery = 1_000;

    private static async Task<string?> HqKeyAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken cancellationToken) =>
        await connection.Command("SELECT body_json FROM snapshot WHERE id = 1").ScalarAsync(cancellationToken) is string body
            ? JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.TillSnapshot)?.HqKey
            : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Document chain: {Problem}")]
    private static partial void LogBehind(ILogger logger, string problem);
}

/// <summary>What <see cref="TillChain.VerifyAsync"/> found.</summary>
/// <param name="Entries">Documents in the log.</param>
/// <param name="Walked">Entries walked before the walk ended (all of them unless it broke).</param>
/// <param name="Chained">Entries walked that carry a chain entry (the rest were written before the chain began).</param>
/// <param name="Break">The first broken link; null when the chain holds.</param>
/// <param name="Statement">HQ's statement kept on the till, or null.</param>
/// <param name="StatementProblem">What is wrong against HQ's statement; null when nothing is (or there is none).</param>
public sealed record ChainReport(long Entries, long Walked, long Chained, ChainBreak? Break, HqStatementDto? Statement, string? StatementProblem)
{
    /// <summary>True when the chain holds and agrees with HQ's statement.</summary>
    public bool Holds => Break is null && StatementProblem is null;
}
