using System.Data.Common;
using TillSync.Contracts.Tills;
using TillSync.Storage;

namespace TillSync.Till.Catalog;

/// <summary>Finds a cart's products by SKU or barcode with one statement, compiled once for its connection: the sale
/// path keeps one for as long as it keeps its connection (<see cref="Sales.SaleRecorder"/>); a one-off lookup makes
/// its own. A code that is a SKU finds that product, otherwise the product with that barcode (the first by SKU when
/// several share it); codes are trimmed and matched exactly.</summary>
public sealed class ProductLookup : IAsyncDisposable
{
    private readonly DbCommand _command;

    /// <summary>A lookup on <paramref name="connection"/>, an open connection to the till's database.</summary>
    public ProductLookup(DbConnection connection) =>
        _command = connection.Command(
            $"SELECT {SnapshotStore.Columns} FROM products WHERE sku IN (SELECT value FROM json_each(@codes)) OR barcode IN (SELECT value FROM json_each(@codes))")
            .With("@codes", "[]");

    /// <summary>The products of <paramref name="codes"/>, keyed by the trimmed code; a code that finds nothing is absent.</summary>
    public async Task<Dictionary<string, SnapshotProduct>> FindAllAsync(
        DbTransaction? transaction, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        _command.Transaction = transaction;
        _command.Parameters["@codes"].Value = DbCommands.JsonList(wanted);
        var rows = new List<SnapshotProduct>();
        await using (var reader = await _command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(SnapshotStore.Read(reader));
            }
        }

        var found = new Dictionary<string, SnapshotProduct>(StringComparer.Ordinal);
        foreach (var product in rows.OrderBy(p => p.Sku, StringComparer.Ordinal))
        {
            if (product.Barcode is { } barcode && wanted.Contains(barcode))
            {
                found.TryAdd(barcode, product);
            }
        }

        foreach (var product in rows.Where(p => wanted.Contains(p.Sku)))
        {
            found[product.Sku] = product;
        }

        return found;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
