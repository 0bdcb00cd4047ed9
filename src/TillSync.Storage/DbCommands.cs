using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace TillSync.Storage;

/// <summary>Small conveniences over ADO.NET. Every value reaches SQL as a parameter, never as text.</summary>
public static class DbCommands
{
    /// <summary>A command in <paramref name="transaction"/> (or none) with the given SQL.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100",
        Justification = "Callers pass constant SQL or SQL built only from generated parameter names; values are always parameters.")]
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a named parameter; null becomes SQL NULL.</summary>
    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Adds every parameter of <paramref name="parameters"/>.</summary>
    public static DbCommand WithAll(this DbCommand command, IEnumerable<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return command;
    }

    /// <summary>Sets an existing parameter's value, for a command prepared once and run many times.</summary>
    public static void Set(this DbCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    /// <summary>Runs a statement and returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Runs a query that returns one value, or null.</summary>
    public static async Task<object?> ScalarAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DBNull ? null : value;
        }
    }

    /// <summary>Maps every row of a query.</summary>
    public static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    /// <summary>Maps the first row of a query, or returns default when there is none.</summary>
    public static async Task<T?> FirstOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? map(reader) : default;
        }
    }

    /// <summary>Values per IN list on PostgreSQL; far under its parameter limit.</summary>
    public const int InListMax = 500;

    /// <summary>Runs <paramref name="sql"/>, whose <c>{list}</c> stands for an IN list of <paramref name="values"/>,
    /// and maps every row. On SQLite the list is one parameter, a JSON array read with <c>json_each</c>: SQLite binds a
    /// statement's parameters by scanning their names, so 500 of them cost more than the query (bench/RESULTS.md). On
    /// PostgreSQL each value is a parameter, in chunks of at most <see cref="InListMax"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The transaction to run in, or null.</param>
    /// <param name="sql">Constant SQL with one <c>{list}</c>.</param>
    /// <param name="values">The list's values: strings or integers.</param>
    /// <param name="parameters">Other named parameters of <paramref name="sql"/>.</param>
    /// <param name="map">Maps a row.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<List<T>> ListWhereInAsync<T>(
        this DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<object> values,
        IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection)
        {
            var list = values as IReadOnlyCollection<object> ?? values.ToList();
            return list.Count == 0
                ? []
                : await connection.Command(sql.Replace("{list}", "SELECT value FROM json_each(@in)", StringComparison.Ordinal), transaction)
                    .WithAll(parameters).With("@in", JsonList(list)).ListAsync(map, cancellationToken);
        }

        var rows = new List<T>();
        foreach (var chunk in values.Chunk(InListMax))
        {
            var names = Enumerable.Range(0, chunk.Length).Select(i => $"@in{i}").ToList();
            var command = connection.Command(sql.Replace("{list}", string.Join(", ", names), StringComparison.Ordinal), transaction)
                .WithAll(parameters);

            for (var i = 0; i < chunk.Length; i++)
            {
                command.With(names[i], chunk[i]);
            }

            rows.AddRange(await command.ListAsync(map, cancellationToken));
        }

        return rows;
    }

    /// <summary>The values as a JSON array of strings and numbers, for SQLite's <c>json_each</c>: an IN list as one
    /// parameter.</summary>
    public static string JsonList(IEnumerable<object> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                switch (value)
                {
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    default:
                        throw new ArgumentException($"An IN list holds strings or integers, not {value?.GetType().Name ?? "null"}.", nameof(values));
                }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The string in column <paramref name="ordinal"/>, or null.</summary>
    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The integer in column <paramref name="ordinal"/>, or null.</summary>
    public static long? NullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
