using System.Data.Common;
using System.Globalization;
using System.Text;

namespace TillSync.Storage;

/// <summary>Collects rows for one table and writes them with multi-row <c>INSERT … VALUES (…), (…)</c> statements, a
/// chunk of rows per statement: a sync batch of 500 orders becomes a few dozen statements instead of thousands (on
/// PostgreSQL, a few dozen round trips). Every value is a parameter.</summary>
/// <param name="table">The table.</param>
/// <param name="columns">Its columns, in the order of each row's values.</param>
/// <param name="parametersPerStatement">How many values one statement carries: SQLite binds each parameter by looking
/// its name up among all of the statement's, so it prefers a few hundred; PostgreSQL prefers thousands (fewer round
/// trips). Both stay far under SQLite's 32,766 and PostgreSQL's 65,535.</param>
/// <param name="suffix">SQL after the VALUES list, e.g. an <c>ON CONFLICT</c> clause; constant text only.</param>
public sealed class BulkInsert(string table, IReadOnlyList<string> columns, int parametersPerStatement, string suffix = "")
{
    /// <summary>A size that suits both engines, for small writes where tuning does not matter.</summary>
    public const int ParametersPerStatementDefault = 200;

    private readonly List<object?[]> _rows = [];

    /// <summary>Rows waiting to be written.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; its values follow the column order.</summary>
    public void Add(params object?[] values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"{table}: {values.Length} values for {columns.Count} columns.", nameof(values));
        }

        _rows.Add(values);
    }

    /// <summary>Writes every collected row in <paramref name="transaction"/> and forgets them.</summary>
    public async Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
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

        _rows.Clear();
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
