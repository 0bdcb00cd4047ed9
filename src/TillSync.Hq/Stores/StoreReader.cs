using System.Data.Common;
using TillSync.Contracts.Stores;
using TillSync.Storage;

namespace TillSync.Hq.Stores;

/// <summary>Reads stores from the <c>stores</c> table.</summary>
public static class StoreReader
{
    /// <summary>The columns <see cref="Read"/> expects, in order.</summary>
    public const string Columns =
        "store_id, is_default, gstin, legal_name, trade_name, address1, address2, location, pin, state_code";

    /// <summary>Maps a row selected with <see cref="Columns"/>.</summary>
    public static StoreView Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1) == 1,
        new StoreDto(r.GetString(2), r.GetString(3), r.GetString(5), r.GetString(7), r.GetInt32(8), r.GetString(9),
            TradeName: r.NullableString(4), Address2: r.NullableString(6)));

    /// <summary>One store, or null.</summary>
    public static Task<StoreView?> FindAsync(DbConnection connection, long storeId, CancellationToken cancellationToken) =>
        connection.Command($"SELECT {Columns} FROM stores WHERE store_id = @id").With("@id", storeId)
            .FirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>The store a request names, or the default store when it names none; null when there is no such store.</summary>
    public static async Task<long?> ResolveAsync(DbConnection connection, DbTransaction? transaction, long? storeId, CancellationToken cancellationToken)
    {
        var id = storeId is null
            ? await connection.Command("SELECT store_id FROM stores WHERE is_default = 1", transaction).ScalarAsync(cancellationToken)
            : await connection.Command("SELECT store_id FROM stores WHERE store_id = @id", transaction).With("@id", storeId).ScalarAsync(cancellationToken);
        return id is null ? null : Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }
}
