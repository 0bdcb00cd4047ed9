using System.Data.Common;
using TillSync.Hq.Access;
using TillSync.Storage;

namespace TillSync.Hq.Idempotency;

/// <summary>The first answer to a request with an <c>Idempotency-Key</c>, as stored.</summary>
/// <param name="Method">The method of the request that first used the key.</param>
/// <param name="Path">Its path.</param>
/// <param name="RequestHash">Its fingerprint (<see cref="IdempotentRequest.RequestHash"/>).</param>
/// <param name="StatusCode">The answer's status.</param>
/// <param name="ContentType">The answer's content type.</param>
/// <param name="Location">The answer's <c>Location</c> header, or null.</param>
/// <param name="SealedBody">The answer's body, sealed (<see cref="IdempotentRequest.Seal"/>).</param>
public sealed record IdempotencyRecord(
    string Method, string Path, string RequestHash, int StatusCode, string? ContentType, string? Location, string SealedBody);

/// <summary>The <c>idempotency_keys</c> table: one row per key a caller used in the last <see cref="Retention"/>.</summary>
public static class IdempotencyRecords
{
    /// <summary>How long HQ remembers a key: a retry within it answers the first result; after it, the same key starts a
    /// new operation. Clients retry within minutes; a week covers a manager who resends the next day.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const string Scope = "caller_kind = @kind AND caller_id = @caller AND key_hash = @key";

    /// <summary>The stored answer for <paramref name="request"/>'s key, or null when the key is unused (or expired).</summary>
    public static Task<IdempotencyRecord?> FindAsync(
        DbConnection connection, DbTransaction? transaction, IdempotentRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.Command($"""
            SELECT method, path, request_hash, status_code, content_type, location, sealed_body FROM idempotency_keys
            WHERE {Scope} AND created_at >= @cutoff AND status_code IS NOT NULL
            """, transaction)
            .WithScope(request).With("@cutoff", StoredTime.Text(now - Retention))
            .FirstOrDefaultAsync(r => new IdempotencyRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3),
                r.NullableString(4), r.NullableString(5), r.GetString(6)), cancellationToken);

    /// <summary>Claims the key as the first statement of the write it guards, after deleting expired keys; false when
    /// another request holds it. On PostgreSQL a claim by a transaction still in flight makes this wait for its end:
    /// the unique key, not this process, decides which of two concurrent duplicates writes.</summary>
    public static async Task<bool> ClaimAsync(
        DbConnection connection, DbTransaction transaction, IdempotentRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await connection.Command("DELETE FROM idempotency_keys WHERE created_at < @cutoff", transaction)
            .With("@cutoff", StoredTime.Text(now - Retention)).ExecuteAsync(cancellationToken);
        var claimed = await connection.Command("""
            INSERT INTO idempotency_keys (caller_kind, caller_id, key_hash, method, path, request_hash, created_at)
            VALUES (@kind, @caller, @key, @method, @path, @hash, @at)
            ON CONFLICT (caller_kind, caller_id, key_hash) DO NOTHING
            """, transaction)
            .WithScope(request).With("@method", request.Method).With("@path", request.Path).With("@hash", request.RequestHash)
            .With("@at", StoredTime.Text(now))
            .ExecuteAsync(cancellationToken);
        return claimed == 1;
    }

    /// <summary>Stores the answer of a claimed key, in the transaction of the write it answers.</summary>
    public static Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, IdempotentRequest request, RecordedResponse response, CancellationToken cancellationToken) =>
        connection.Command($"""
            UPDATE idempotency_keys SET status_code = @status, content_type = @type, location = @location, sealed_body = @body
            WHERE {Scope}
            """, transaction)
            .WithScope(request).With("@status", response.StatusCode).With("@type", response.ContentType).With("@location", response.Location)
            .With("@body", request.Seal(response.Body.Span))
            .ExecuteAsync(cancellationToken);

    private static DbCommand WithScope(this DbCommand command, IdempotentRequest request) =>
        command.With("@kind", request.Caller.Kind == CallerKind.Manager ? "manager" : "till").With("@caller", request.Caller.Id)
            .With("@key", request.KeyHash);
}
