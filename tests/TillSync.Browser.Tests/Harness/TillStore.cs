// Reads what a running till stored, straight from its till.db (read-only; the till keeps writing in WAL mode): the
// documents exactly as it sends them to HQ, so that a test can check what a return will tell HQ while HQ cannot yet take
// returns.
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TillSync.Contracts;
using TillSync.Contracts.Documents;

namespace TillSync.Browser.Tests.Harness;

/// <summary>A till's stored documents.</summary>
public static class TillStore
{
    /// <summary>Every stored document of <paramref name="kind"/>, oldest first, with its sync state.</summary>
    public static async Task<List<(TillDocumentDto Document, string SyncState)>> DocumentsAsync(TillServer till, string kind)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(till.DataDir, "till.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body_json, sync_state FROM documents WHERE kind = $kind ORDER BY till_seq";
        command.Parameters.AddWithValue("$kind", kind);
        var documents = new List<(TillDocumentDto, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            documents.Add((JsonSerializer.Deserialize(reader.GetString(0), TillSyncJsonContext.Default.TillDocumentDto)!, reader.GetString(1)));
        }

        return documents;
    }
}
