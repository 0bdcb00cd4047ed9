using System.Data.Common;

namespace TillSync.Storage;

/// <summary>One column of a <see cref="RowInsert{TRow}"/>: its name and how a row gives its value (a string, an
/// integer or null).</summary>
/// <param name="Name">The column.</param>
/// <param name="Value">The row's value for it.</param>
public sealed record Column<TRow>(string Name, Func<TRow, object?> Value);

/// <summary>Rows of one table given by name: a record per row, whose columns are listed once beside the table, so that
/// no caller passes a row's values by position. Written through <see cref="BulkInsert"/> (each engine's fastest way).</summary>
/// <param name="table">The table.</param>
/// <param name="columns">Its columns and how each row gives them.</param>
/// <param name="parametersPerStatement">See <see cref="BulkInsert"/>.</param>
/// <param name="suffix">SQL after the VALUES list, e.g. an <c>ON CONFLICT</c> clause; constant text only.</param>
public sealed class RowInsert<TRow>(string table, IReadOnlyList<Column<TRow>> columns, int parametersPerStatement, string suffix = "")
{
    private readonly BulkInsert _rows = new(table, columns.Select(c => c.Name).ToList(), parametersPerStatement, suffix);

    /// <summary>Rows waiting to be written.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row.</summary>
    public void Add(TRow row)
    {
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = columns[i].Value(row);
        }

        _rows.Add(values);
    }

    /// <summary>Writes every collected row in <paramref name="transaction"/> and forgets them.</summary>
    public Task FlushAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        _rows.FlushAsync(connection, transaction, cancellationToken);
}
