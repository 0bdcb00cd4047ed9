using System.Text.Json;
using TillSync.Storage;
using TillSync.Till.Storage;
using TillSync.Till.Web;

namespace TillSync.Till.Returns;

/// <summary>The till's credit notes as printed, for reprints, with where each return stands with HQ now.</summary>
public sealed class CreditNotes(TillDatabase database)
{
    /// <summary>The credit note of return <paramref name="documentId"/>, or null.</summary>
    public async Task<CreditNote?> FindAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.Command("""
            SELECT r.credit_note_json, d.sync_state FROM returns r JOIN documents d ON d.till_seq = r.till_seq WHERE r.document_id = @id
            """).With("@id", documentId.ToString("D"))
            .FirstOrDefaultAsync(r => (Json: r.GetString(0), State: r.GetString(1)), cancellationToken);
        return row.Json is null ? null : JsonSerializer.Deserialize(row.Json, TillJsonContext.Default.CreditNote)! with { SyncState = row.State };
    }
}
