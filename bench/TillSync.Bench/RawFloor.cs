using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TillSync.Storage;

namespace TillSync.Bench;

/// <summary>The raw floor of docs/performance.md: the rows HQ wrote for the benchmark's sync batches — read back from HQ's own
/// hq.db after the run — inserted again, straight into a fresh SQLite file with HQ's schema, pragmas
/// (WAL, <c>synchronous=FULL</c>, foreign keys), multi-row statement size (200 values) and transaction size (the rows of
/// 500 orders per <c>BEGIN IMMEDIATE</c> transaction). No HTTP, no JSON, no reads, no decisions: what the disk and
/// SQLite cost alone. The rows are loaded into memory before the clock starts.</summary>
internal static class RawFloor
{
    private const int ParametersPerStatement = 200; // HqDatabase.BulkParametersPerStatement on SQLite

    // The tables and columns a sync batch writes (the ledger, the sale kind's rows, the journal), in the order they flush; the filter picks the rows
    // the sync batches wrote (the opening stock receipt's rows are copied untimed).
    private static readonly Table[] Tables =
    [
        // The ledger of till documents (ADR 0007), written first in each batch by the coordinator.
        new("till_documents", ["document_id", "kind", "till_id", "till_seq", "store_id", "fingerprint", "status", "number", "committed_at", "flags",
            "reason", "detail"], "kind = 'sale'", "document_id", "till_id, till_seq"),
        new("orders", ["client_order_id", "store_id", "till_id", "till_seq", "bill_no", "status", "reason", "detail", "flags", "fingerprint",
            "created_at", "committed_at", "customer_gstin", "taxable_paise", "cgst_paise", "sgst_paise", "igst_paise", "round_off_paise", "total_paise",
            "body_json", "inter_state"], "1 = 1", "client_order_id"),
        new("order_lines", ["client_order_id", "line_no", "store_id", "sku", "qty_milli", "unit_price_paise", "discount_paise", "gst_rate_bp",
            "taxable_paise", "cgst_paise", "sgst_paise", "igst_paise", "cost_paise"], "1 = 1", "client_order_id"),
        new("order_payments", ["client_order_id", "payment_no", "store_id", "method", "amount_paise"], "1 = 1", "client_order_id"),
        new("stock_movements", ["store_id", "sku", "qty_milli", "kind", "client_order_id", "receipt_id", "created_at"],
            "client_order_id IS NOT NULL", "client_order_id"),
        new("review_items", ["kind", "status", "store_id", "till_id", "client_order_id", "bill_no", "sku", "short_qty_milli", "reason", "detail",
            "created_at"], "client_order_id IS NOT NULL", "client_order_id"),
        new("journal_entries", ["entry_ref", "store_id", "kind", "entry_date", "description", "posted_at"], "entry_ref LIKE 'sale:%'",
            "substr(entry_ref, 6)"),
        new("journal_postings", ["entry_ref", "posting_no", "store_id", "account", "amount_paise"], "entry_ref LIKE 'sale:%'", "substr(entry_ref, 6)"),
    ];

    /// <summary>Inserts the sync rows of <paramref name="hqDb"/> into a fresh file; returns the elapsed time and the
    /// latency of each transaction.</summary>
    public static async Task<(TimeSpan Elapsed, List<double> TransactionMs, int Orders)> RunAsync(string hqDb, int ordersPerTransaction)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tillsync-bench", "floor-" + Guid.CreateVersion7().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await using var target = new SqliteConnection($"Data Source={Path.Combine(dir, "floor.db")};Pooling=False");
            await target.OpenAsync();
            await ExecAsync(target, "PRAGMA journal_mode = WAL;");
            await ExecAsync(target, $"ATTACH DATABASE '{hqDb.Replace("'", "''", StringComparison.Ordinal)}' AS src;");
            var (chunks, skusByChunk) = await PrepareAsync(target, ordersPerTransaction);
            await ExecAsync(target, "DETACH DATABASE src;");
            // HQ's per-connection settings (HqDatabase.SqlitePragmas).
            await ExecAsync(target, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 15000;");
            var latencies = new List<double>(chunks.Count);
            var clock = Stopwatch.StartNew();
            for (var c = 0; c < chunks.Count; c++)
            {
                var start = Stopwatch.GetTimestamp();
                await using var transaction = await target.BeginTransactionAsync(System.Data.IsolationLevel.Serializable);
                for (var t = 0; t < Tables.Length; t++)
                {
                    // On-hand goes after the reviews and before the journal, as OrderBatch.FlushAsync writes it.
                    if (Tables[t].Name == "journal_entries")
                    {
                        var onHand = new BulkInsert("stock_on_hand", ["store_id", "sku", "qty_milli"], ParametersPerStatement,
                            "ON CONFLICT (store_id, sku) DO UPDATE SET qty_milli = excluded.qty_milli");
                        foreach (var (storeId, sku) in skusByChunk[c])
                        {
                            onHand.Add(storeId, sku, -1L);
                        }

                        await onHand.FlushAsync(target, transaction, CancellationToken.None);
                    }

                    var insert = new BulkInsert(Tables[t].Name, Tables[t].Columns, ParametersPerStatement);
                    foreach (var row in chunks[c][t])
                    {
                        insert.Add(row);
                    }

                    await insert.FlushAsync(target, transaction, CancellationToken.None);
                }

                await transaction.CommitAsync();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            clock.Stop();
            return (clock.Elapsed, latencies, chunks.Sum(c => c[0].Count));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    // Creates HQ's schema, copies every row the benchmark did not time (store, tills, catalogue, the opening receipt),
    // and loads the timed rows into memory, grouped by transaction.
    private static async Task<(List<List<object?[]>[]> Chunks, List<List<(long, string)>> SkusByChunk)> PrepareAsync(
        SqliteConnection target, int ordersPerTransaction)
    {
        var schema = await ListAsync(target,
            "SELECT sql FROM src.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid",
            r => r.GetString(0));
        foreach (var sql in schema)
        {
            await ExecAsync(target, sql);
        }

        var tables = await ListAsync(target, "SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
            r => r.GetString(0));
        foreach (var table in tables)
        {
            var timed = Tables.FirstOrDefault(t => t.Name == table);
            var where = timed is null ? "" : $" WHERE NOT ({timed.Filter})";
            await ExecAsync(target, $"INSERT INTO main.{table} SELECT * FROM src.{table}{where}");
        }

        // The batch of each order: HQ's batches are contiguous runs of 500 orders in insertion (rowid) order.
        var ids = await ListAsync(target, "SELECT client_order_id FROM src.orders ORDER BY rowid", r => r.GetString(0));
        var chunkOf = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i / ordersPerTransaction, StringComparer.Ordinal);
        var chunkCount = (ids.Count + ordersPerTransaction - 1) / ordersPerTransaction;
        var chunks = Enumerable.Range(0, chunkCount).Select(_ => Tables.Select(_ => new List<object?[]>()).ToArray()).ToList();
        var skus = Enumerable.Range(0, chunkCount).Select(_ => new SortedSet<(long, string)>()).ToList();
        for (var t = 0; t < Tables.Length; t++)
        {
            var table = Tables[t];
            var rows = await ListAsync(target,
                $"SELECT {table.OrderIdSql}, {string.Join(", ", table.Columns)} FROM src.{table.Name} WHERE {table.Filter} ORDER BY {table.InsertionOrderSql}",
                r =>
                {
                    var values = new object?[table.Columns.Length];
                    for (var c = 0; c < values.Length; c++)
                    {
                        values[c] = r.IsDBNull(c + 1) ? null : r.GetValue(c + 1);
                    }

                    return (OrderId: r.GetString(0), Values: values);
                });
            foreach (var (orderId, values) in rows)
            {
                var chunk = chunkOf[orderId];
                chunks[chunk][t].Add(values);
                if (table.Name == "stock_movements")
                {
                    skus[chunk].Add(((long)values[0]!, (string)values[1]!));
                }
            }
        }

        return (chunks, skus.Select(s => s.ToList()).ToList());
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL and HQ's own schema text
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> ListAsync<T>(SqliteConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync())
        {
            list.Add(read(reader));
        }

        return list;
    }

    // InsertionOrderSql: the order HQ inserted the rows in — rowid, or for a WITHOUT ROWID table (till_documents) its key.
    private sealed record Table(string Name, string[] Columns, string Filter, string OrderIdSql, string InsertionOrderSql = "rowid");
}
