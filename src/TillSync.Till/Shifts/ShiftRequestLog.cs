using System.Text.Json;
using TillSync.Contracts;
using TillSync.Storage;
using TillSync.Till.Outbox;
using TillSync.Till.Storage;

namespace TillSync.Till.Shifts;

/// <summary>The request ids of shift requests (<c>shift_requests</c>): what each made, so that a retry answers the same
/// document and records nothing; and the reads that rebuild an answer from the document.</summary>
public static class ShiftRequestLog
{
    /// <summary>The earlier request with <paramref name="requestId"/>, or null.</summary>
    public static async Task<PriorRequest?> FindAsync(DocumentTransaction transaction, Guid requestId, CancellationToken cancellationToken) =>
        (await transaction.ListAsync("SELECT kind, request_sha256, document_id FROM shift_requests WHERE request_id = @id",
            r => new PriorRequest(r.GetString(0), r.GetString(1), Guid.Parse(r.GetString(2))), cancellationToken, ("@id", requestId.ToString("D"))))
        .FirstOrDefault();

    /// <summary>Remembers that <paramref name="requestId"/> made <paramref name="documentId"/>.</summary>
    public static Task<int> AddAsync(
        DocumentTransaction transaction, Guid requestId, string kind, string requestJson, Guid documentId, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync("INSERT INTO shift_requests (request_id, kind, request_sha256, document_id) VALUES (@id, @kind, @sha, @document)",
            cancellationToken, ("@id", requestId.ToString("D")), ("@kind", kind), ("@sha", StoredDocument.Checksum(requestJson)),
            ("@document", documentId.ToString("D")));

    /// <summary>A recorded cash movement by its document id.</summary>
    public static async Task<CashMovementView?> MovementAsync(TillDatabase database, Guid documentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.Command("SELECT till_seq, body_json FROM documents WHERE document_id = @id").With("@id", documentId.ToString("D"))
            .FirstOrDefaultAsync(r => new CashMovementView(documentId, r.GetInt64(0),
                JsonSerializer.Deserialize(r.GetString(1), TillSyncJsonContext.Default.TillDocumentDto)!.CashMovement!), cancellationToken);
    }

    /// <summary>The shift a close document closed.</summary>
    public static async Task<Guid> ShiftOfCloseAsync(TillDatabase database, Guid closeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Guid.Parse((string)(await connection.Command("""
            SELECT s.shift_id FROM shifts s JOIN documents d ON d.till_seq = s.close_seq WHERE d.document_id = @id
            """).With("@id", closeId.ToString("D")).ScalarAsync(cancellationToken))!);
    }
}

/// <summary>An earlier shift request.</summary>
/// <param name="Kind">The kind of document it made.</param>
/// <param name="RequestSha256">SHA-256 of its body.</param>
/// <param name="DocumentId">The document it made.</param>
public sealed record PriorRequest(string Kind, string RequestSha256, Guid DocumentId)
{
    /// <summary>Whether a request of <paramref name="kind"/> with body <paramref name="requestJson"/> is this one again.</summary>
    public bool Matches(string kind, string requestJson) => Kind == kind && RequestSha256 == StoredDocument.Checksum(requestJson);
}
