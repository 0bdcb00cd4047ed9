using System.Data.Common;
using TillSync.Core;
using TillSync.Storage;

namespace TillSync.Hq.Storage;

/// <summary>What differs between SQLite and PostgreSQL as business code meets it, in one object: the row-lock clauses,
/// how many values a multi-row statement carries, how rows are bulk-written (prepared single-row inserts on SQLite,
/// binary COPY on PostgreSQL: <see cref="BulkInsert"/>), how IN lists are passed, and the in-process writer gate that
/// spares SQLite's busy handler. Features receive it and never test the engine themselves.</summary>
public sealed class DatabaseEngine : IDisposable
{
    private readonly WriterGate? _gate;

    /// <summary>The rules of <paramref name="kind"/>.</summary>
    public DatabaseEngine(StoreEngine kind)
    {
        Kind = kind;
        _gate = kind == StoreEngine.Sqlite ? new WriterGate() : null;
    }

    /// <summary>The engine.</summary>
    public StoreEngine Kind { get; }

    /// <summary>True on an engine with row locks (PostgreSQL): shared rows a write will change are locked when read, in
    /// one global order, so that two tills' batches queue instead of deadlocking. SQLite's write transaction already
    /// excludes every other writer.</summary>
    public bool LocksRows => Kind == StoreEngine.Postgres;

    /// <summary>Appended to <c>SELECT … FROM tills t</c> (any table aliased <c>t</c>) in a write transaction: locks that
    /// row, which serialises that till's syncs on PostgreSQL; SQLite's <c>BEGIN IMMEDIATE</c> already holds the write lock.</summary>
    public string LockRowSql => LocksRows ? " FOR UPDATE OF t" : "";

    /// <summary>Appended to a single-table <c>SELECT … ORDER BY key</c>: locks the rows read, in that order, on PostgreSQL.</summary>
    public string LockRowsSql => LocksRows ? " FOR UPDATE" : "";

    /// <summary>Appended to a single-table <c>SELECT … ORDER BY key</c>: share-locks the rows read, in that order, on
    /// PostgreSQL, so that nobody changes them until the transaction ends while other readers still may (ADR 0024: a stock
    /// move holds the catalogue cost it valued its goods at until it commits).</summary>
    public string ShareRowsSql => LocksRows ? " FOR SHARE" : "";

    /// <summary>A SQL expression for the text at <paramref name="path"/> (property names, outermost first) inside the JSON
    /// held in the TEXT column <paramref name="column"/>: <c>json_extract</c> on SQLite, <c>-&gt;</c> and <c>-&gt;&gt;</c> on
    /// PostgreSQL. The names are the caller's constants, never input.</summary>
    public string JsonTextSql(string column, params string[] path)
    {
        Invariant.Assert(path.Length > 0 && path.All(name => name.All(char.IsAsciiLetterOrDigit)));
        if (Kind == StoreEngine.Postgres)
        {
            // jsonb refuses the \u0000 escape a rejected order's body may carry, and one such row would fail every
            // search that reads it: a body holding the escape has no value here (HQ migration 0031's index is on this).
            var steps = string.Concat(path[..^1].Select(name => $" -> '{name}'"));
            return $"(CASE WHEN strpos({column}, '\\u0000') = 0 THEN ({column})::jsonb{steps} ->> '{path[^1]}' END)";
        }

        return $"json_extract({column}, '$.{string.Join('.', path)}')";
    }

    /// <summary>Values per multi-row statement, measured with bench/: SQLite ingest was fastest at a few hundred (it
    /// ignores the figure for plain inserts, see <see cref="BulkInsert"/>), PostgreSQL at a couple of thousand.</summary>
    public int ParametersPerStatement => Kind == StoreEngine.Postgres ? 2_000 : 200;

    /// <summary>Rows of <paramref name="table"/>, given by name, written this engine's fastest way.</summary>
    public RowInsert<TRow> Rows<TRow>(string table, IReadOnlyList<Column<TRow>> columns, string suffix = "") =>
        new(table, columns, ParametersPerStatement, suffix);

    /// <summary>Runs <paramref name="sql"/>, whose <c>{list}</c> stands for an IN list of <paramref name="values"/> —
    /// one JSON-array parameter on SQLite, chunks of parameters on PostgreSQL (<see cref="DbCommands.ListWhereInAsync"/>).</summary>
    public Task<List<T>> ListWhereInAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<object> values,
        IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        connection.ListWhereInAsync(transaction, sql, values, parameters, map, cancellationToken);

    /// <summary>Locks <paramref name="keys"/> until the transaction ends, in ascending order so that two transactions
    /// locking overlapping keys queue instead of deadlocking: PostgreSQL's transaction-scoped advisory locks, which need no
    /// row (the thing locked may not exist yet, e.g. an original sale HQ has not seen). Statements after it see what the
    /// previous holder committed (read committed). Nothing on SQLite, whose write transaction excludes every other writer.</summary>
    public async Task LockKeysAsync(DbConnection connection, DbTransaction transaction, IEnumerable<long> keys, CancellationToken cancellationToken)
    {
        if (!LocksRows)
        {
            return;
        }

        var ordered = keys.Distinct().Order().ToArray();
        if (ordered.Length > 0)
        {
            // PostgreSQL evaluates a volatile function of the select list after ORDER BY, so the locks are taken in key order.
            await connection.Command("SELECT pg_advisory_xact_lock(k) FROM unnest(@keys) AS k ORDER BY k", transaction).With("@keys", ordered)
                .ExecuteAsync(cancellationToken);
        }
    }

    /// <summary>Waits for this process's turn to write on SQLite, which has one writer at a time anyway: queueing here
    /// spares its busy handler. Null on PostgreSQL, where tills write in parallel.</summary>
    public async Task<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) =>
        _gate is null ? null : await _gate.EnterAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _gate?.Dispose();
}
