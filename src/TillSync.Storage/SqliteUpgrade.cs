using System.Data.Common;

namespace TillSync.Storage;

/// <summary>What upgrading a file of an older version does beyond running the schema script again, in the same write
/// transaction: each step gets the connection, the transaction and the file's old version (1 or more).</summary>
/// <param name="BeforeScript">Runs before the script (e.g. renames a table whose shape the script changes).</param>
/// <param name="AfterScript">Runs after it (e.g. copies the renamed table's rows into the new tables and drops it).</param>
public sealed record SqliteUpgrade(
    Func<DbConnection, DbTransaction, int, CancellationToken, Task> BeforeScript,
    Func<DbConnection, DbTransaction, int, CancellationToken, Task> AfterScript);
