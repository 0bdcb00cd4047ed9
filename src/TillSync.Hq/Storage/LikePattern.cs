namespace TillSync.Hq.Storage;

/// <summary>A manager's search text as a SQL <c>LIKE</c> pattern, its wildcards matched literally (the SQL says
/// <c>ESCAPE '\'</c>): the same on SQLite and PostgreSQL.</summary>
public static class LikePattern
{
    /// <summary>The SQL to put after <c>LIKE @param</c>.</summary>
    public const string EscapeSql = @"ESCAPE '\'";

    /// <summary>Matches a value starting with <paramref name="text"/>.</summary>
    public static string Prefix(string text) => Escaped(text) + "%";

    /// <summary>Matches a value containing <paramref name="text"/>.</summary>
    public static string Contains(string text) => "%" + Escaped(text) + "%";

    private static string Escaped(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
