using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Tills;
using TillSync.Storage;
using TillSync.Till.Chain;
using TillSync.Till.Outbox;
using TillSync.Till.Storage;

namespace TillSync.Till.Catalog;

/// <summary>The last catalogue snapshot from HQ: kept whole on disk, its products indexed for search, and the current one
/// in memory. The till sells from it when HQ cannot be reached, for as long as that takes.</summary>
public sealed class SnapshotStore(TillDatabase database)
{
    private volatile TillSnapshot? _current;

    /// <summary>The snapshot the till sells from, or null before the first one arrived.</summary>
    public TillSnapshot? Current => _current;

    /// <summary>Loads the stored snapshot at start-up.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var body = (string?)await connection.Command("SELECT body_json FROM snapshot WHERE id = 1").ScalarAsync(cancellationToken);
        _current = body is null ? null : JsonSerializer.Deserialize(body, TillSyncJsonContext.Default.TillSnapshot);
    }

    /// <summary>Stores a new snapshot and its products in one transaction, and raises the till's counters when HQ has
    /// already consumed higher numbers (see <see cref="RaiseCountersAsync"/>).</summary>
    public async Task SaveAsync(TillSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await WriteBodyAsync(connection, transaction, snapshot, cancellationToken);
        await connection.Command("DELETE FROM products", transaction).ExecuteAsync(cancellationToken);
        await InsertProductsAsync(connection, transaction, snapshot.Products, cancellationToken);
        await RaiseCountersAsync(connection, transaction, snapshot, cancellationToken);
        // With the counters: a document made after a raise links to the entry HQ holds before it (ADR 0016).
        await HqStatements.StoreAsync(connection, transaction, snapshot.Statement, snapshot.HqKey, snapshot.TillId, snapshot.TakenAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _current = snapshot;
    }

    /// <summary>Applies HQ's changes to the snapshot held, in one transaction: a crash part way leaves the version held
    /// before, whole. A whole snapshot in <paramref name="changes"/> is saved as such. False, and nothing changed, when the
    /// changes are not from the version held (the caller fetches the whole snapshot).</summary>
    public async Task<bool> ApplyAsync(SnapshotChanges changes, CancellationToken cancellationToken)
    {
        if (changes.Whole is { } whole)
        {
            await SaveAsync(whole, cancellationToken);
            return true;
        }

        if (_current is not { } held || held.Version != changes.Since)
        {
            return false;
        }

        var snapshot = SnapshotMerge.Apply(held, changes);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = TillDatabase.BeginWrite(connection);
        await WriteBodyAsync(connection, transaction, snapshot, cancellationToken);
        await using (var delete = connection.Command("DELETE FROM products WHERE sku = @sku", transaction).With("@sku", ""))
        {
            foreach (var product in changes.Products)
            {
                delete.Set("@sku", product.Sku);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await InsertProductsAsync(connection, transaction, changes.Products, cancellationToken);
        await using (var update = connection.Command("UPDATE products SET on_hand = @onhand WHERE sku = @sku", transaction).With("@sku", "").With("@onhand", ""))
        {
            foreach (var onHand in changes.OnHand)
            {
                update.Set("@sku", onHand.Sku);
                update.Set("@onhand", onHand.OnHand.ToString(CultureInfo.InvariantCulture));
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await RaiseCountersAsync(connection, transaction, snapshot, cancellationToken);
        // With the counters: a document made after a raise links to the entry HQ holds before it (ADR 0016).
        await HqStatements.StoreAsync(connection, transaction, snapshot.Statement, snapshot.HqKey, snapshot.TillId, snapshot.TakenAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _current = snapshot;
        return true;
    }

    private static async Task WriteBodyAsync(DbConnection connection, DbTransaction transaction, TillSnapshot snapshot, CancellationToken cancellationToken) =>
        await connection.Command("""
            INSERT INTO snapshot (id, taken_at, body_json) VALUES (1, @at, @body)
            ON CONFLICT (id) DO UPDATE SET taken_at = excluded.taken_at, body_json = excluded.body_json
            """, transaction)
            .With("@at", StoredTime.Text(snapshot.TakenAt))
            .With("@body", JsonSerializer.Serialize(snapshot, TillSyncJsonContext.Default.TillSnapshot))
            .ExecuteAsync(cancellationToken);

    /// <summary>Raises the <c>tillSeq</c> counter to HQ's <c>nextSeq</c> − 1 when HQ has consumed higher numbers (a till
    /// restored from an old backup, or reinstalled): reusing them could only produce <c>seq_reused</c> conflicts. HQ then
    /// holds up to that many documents this till no longer knows, any of them a bill or a credit note of this year, so the
    /// bill series and this year's credit note series jump by as much: a skipped number, never one printed twice.</summary>
    private static async Task RaiseCountersAsync(DbConnection connection, DbTransaction transaction, TillSnapshot snapshot, CancellationToken cancellationToken)
    {
        var lastSeq = await connection.Command("SELECT last_value FROM counters WHERE name = @tillSeq", transaction)
            .With("@tillSeq", Counters.TillSeq).ScalarAsync(cancellationToken) as long? ?? 0;
        await connection.Command("""
            INSERT INTO counters (name, last_value) VALUES (@tillSeq, @last)
            ON CONFLICT (name) DO UPDATE SET last_value = MAX(last_value, excluded.last_value)
            """, transaction).With("@tillSeq", Counters.TillSeq).With("@last", snapshot.NextSeq - 1).ExecuteAsync(cancellationToken);
        var jump = snapshot.NextSeq - 1 - lastSeq;
        if (jump <= 0)
        {
            return;
        }

        await connection.Command("""
            INSERT INTO counters (name, last_value) VALUES (@bill, @jump), (@creditNote, @jump)
            ON CONFLICT (name) DO UPDATE SET last_value = last_value + excluded.last_value
            """, transaction)
            .With("@bill", PrintedSeries.Bill).With("@creditNote", PrintedSeries.CreditNote(snapshot.TakenAt)).With("@jump", jump)
            .ExecuteAsync(cancellationToken);
    }

    /// <summary>Products on sale whose SKU, barcode or name contains <paramref name="query"/> (case-insensitive), by name; a
    /// retired product is found only by its exact code, which says it is retired.</summary>
    public async Task<List<SnapshotProduct>> SearchAsync(string? query, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var pattern = "%" + (query ?? "").Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return await connection.Command($"SELECT {Columns} FROM products WHERE retired = 0 AND search_text LIKE @p ESCAPE '\\' ORDER BY name LIMIT @limit")
            .With("@p", pattern).With("@limit", limit).ListAsync(Read, cancellationToken);
    }

    /// <summary>The product whose SKU or barcode is exactly <paramref name="code"/>, or null.</summary>
    public async Task<SnapshotProduct?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, code, cancellationToken);
    }

    /// <summary>The product whose SKU or barcode is exactly <paramref name="code"/>, or null, on an open connection.</summary>
    public static async Task<SnapshotProduct?> FindAsync(DbConnection connection, DbTransaction? transaction, string code, CancellationToken cancellationToken)
    {
        await using var lookup = new ProductLookup(connection);
        return (await lookup.FindAllAsync(transaction, [code], cancellationToken)).GetValueOrDefault(code.Trim());
    }

    /// <summary>The product columns <see cref="Read"/> maps, in its order.</summary>
    internal const string Columns = "sku, name, hsn, unit, gst_rate_bp, price_paise, barcode, on_hand, mrp_paise, tax_inclusive, retired";

    /// <summary>Maps a row of <see cref="Columns"/>.</summary>
    internal static SnapshotProduct Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt64(5), r.NullableString(6),
        decimal.Parse(r.GetString(7), CultureInfo.InvariantCulture), r.NullableInt64(8), r.GetInt64(9) != 0, r.GetInt64(10) != 0);

    private static async Task InsertProductsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SnapshotProduct> products, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command($"""
            INSERT INTO products ({Columns}, search_text) VALUES (@sku, @name, @hsn, @unit, @rate, @price, @barcode, @onhand, @mrp, @inclusive, @retired, @search)
            """, transaction)
            .With("@sku", "").With("@name", "").With("@hsn", "").With("@unit", "").With("@rate", 0).With("@price", 0L)
            .With("@barcode", null).With("@onhand", "").With("@mrp", null).With("@inclusive", 0L).With("@retired", 0L).With("@search", "");
        foreach (var p in products)
        {
            insert.Set("@sku", p.Sku);
            insert.Set("@name", p.Name);
            insert.Set("@hsn", p.Hsn);
            insert.Set("@unit", p.Unit);
            insert.Set("@rate", p.GstRateBp);
            insert.Set("@price", p.PricePaise);
            insert.Set("@barcode", p.Barcode);
            insert.Set("@onhand", p.OnHand.ToString(CultureInfo.InvariantCulture));
            insert.Set("@mrp", p.MrpPaise);
            insert.Set("@inclusive", p.TaxInclusive ? 1L : 0L);
            insert.Set("@retired", p.Retired ? 1L : 0L);
            insert.Set("@search", $"{p.Sku} {p.Barcode} {p.Name}".ToLowerInvariant());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
