using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace TillSync.Storage;

/// <summary>Collects rows for one table and writes them in one go, in the way each engine inserts fastest. On
/// PostgreSQL: binary <c>COPY</c>, one round trip for all the rows; with a <paramref name="suffix"/> (an upsert, which
/// COPY cannot do) multi-row <c>INSERT … VALUES (…), (…)</c> statements, a chunk of rows per statement. On SQLite, which
/// has no round trips: one single-row statement, prepared once and executed per row — the raw floor of HQ's rows went
/// 1.5× faster than with multi-row statements (bench/RESULTS.md), because SQLite binds a multi-row statement's
/// parameters by scanning all of its names. Every value is a parameter or a COPY field, never SQL text.</summary>
/// <param name="table">The table.</param>
/// <param name="columns">Its columns, in the order of each row's values.</param>
/// <param name="parametersPerStatement">How many values one multi-row statement carries on PostgreSQL (thousands mean
/// fewer round trips; far under its 65,535 limit). SQLite ignores it.</param>
/// <param name="suffix">SQL after the VALUES list, e.g. an <c>ON CONFLICT</c> clause; constant text only.</param>
public sealed class BulkInsert(string table, IReadOnlyList<string> columns, int parametersPerStatement, string suffix = "")
{
    /// <summary>A size that suits both engines, for small writes where tuning does not matter.</summary>
    public const int ParametersPerStatementDefault = 200;

    private readonly List<object?[]> _rows = [];

    /// <summary>Rows waiting to be written.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; its values follow the column order and are strings, integers (<see cref="long"/> or
    /// <see cref="int"/>) or null — what HQ's TEXT and BIGINT columns hold, on both engines.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"{table}: {values.Length} values for {columns.Count} columns.", nameof(values));
        }

        foreach (var value in values)
        {
            if (value is not (null or string or long or int))
            {
                throw new ArgumentException($"{table}: a bulk-written value is a string or an integer, not {value.GetType().Name}.", nameof(values));
            }
        }

        _rows.Add(values);
    }

    /// <summary>Writes every collected row in <paramref name="transaction"/> and forgets them.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        if (connection is SqliteConnection)
        {
            await FlushRowByRowAsync(connection, transaction, cancellationToken);
        }
        else if (connection is NpgsqlConnection postgres && suffix.Length == 0)
        {
            await CopyAsync(postgres, cancellationToken);
        }
        else
        {
            await FlushMultiRowAsync(connection, transaction, cancellationToken);
        }

        _rows.Clear();
    }

    private async Task FlushRowByRowAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Prepare(connection, transaction, 1);
        command.Prepare();
        var parameters = command.Parameters;
        foreach (var row in _rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // PostgreSQL's binary COPY: the rows stream in one round trip, with no SQL to parse or plan per statement. It runs in
    // the connection's open transaction. Every column HQ bulk-writes is BIGINT or TEXT.
    private async Task CopyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in _rows)
        {
            // Synchronous writes: they fill Npgsql's buffer and only block when it flushes to the socket; the async
            // overloads cost a state machine per value, which was a third of HQ's CPU in this loop (bench/RESULTS.md).
#pragma warning disable CA1849
            importer.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        importer.WriteNull();
                        break;
                    case string text:
                        importer.Write(text, NpgsqlDbType.Text);
                        break;
                    case long number:
                        importer.Write(number, NpgsqlDbType.Bigint);
                        break;
                    case int number:
                        importer.Write((long)number, NpgsqlDbType.Bigint);
                        break;
                    default: // Add admits nothing else
                        throw new InvalidOperationException($"{table}: unexpected {value.GetType().Name}.");
                }
            }
#pragma warning restore CA1849
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task FlushMultiRowAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rowsPerStatement = Math.Max(1, parametersPerStatement / columns.Count);
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < _rows.Count; start += rowsPerStatement)
            {
                var count = Math.Min(rowsPerStatement, _rows.Count - start);
                var command = count == rowsPerStatement
                    ? full ??= Prepare(connection, transaction, count)
                    : Prepare(connection, transaction, count);
                for (var r = 0; r < count; r++)
                {
                    var row = _rows[start + r];
                    for (var c = 0; c < row.Length; c++)
                    {
                        command.Parameters[(r * columns.Count) + c].Value = row[c] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (!ReferenceEquals(command, full))
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100",
        Justification = "Table, columns and suffix are constants of the calling code; values are parameters.")]
    private DbCommand Prepare(DbConnection connection, DbTransaction transaction, int rowCount)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var command = connection.Command("", transaction);
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? "" : ", ").Append(name);
                command.With(name, null);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(suffix).ToString();
        return command;
    }
}
