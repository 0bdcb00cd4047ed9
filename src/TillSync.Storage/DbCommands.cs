using System.Data.Common;

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

    /// <summary>The string in column <paramref name="ordinal"/>, or null.</summary>
    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
