using System.Data.Common;
using TillSync.Storage;

namespace TillSync.Till.Storage;

/// <summary>Small named values the till keeps between runs.</summary>
public static class Settings
{
    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public static async Task<string?> GetAsync(DbConnection connection, string key, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        (string?)await connection.Command("SELECT value FROM settings WHERE key = @k", transaction).With("@k", key).ScalarAsync(cancellationToken);

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public static Task<int> SetAsync(DbConnection connection, DbTransaction? transaction, string key, string value, CancellationToken cancellationToken) =>
        connection.Command("INSERT INTO settings (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", transaction)
            .With("@k", key).With("@v", value).ExecuteAsync(cancellationToken);
}
