using System.Data.Common;
using TillSync.Storage;
using TillSync.Till.Outbox;

namespace TillSync.Till.Storage;

/// <summary>What upgrading an older till.db does around the schema script, in its one transaction.
/// <para>Version 4 moved the outbox from <c>sales</c> (one row per sale: its order JSON, its receipt and its sync
/// state) to <c>documents</c> (one row per document of any kind, with a checksum), and left <c>sales</c> the receipts. A
/// file of version 1–3 has its sales table renamed out of the way before the script creates the new one, then every sale
/// is copied — the order JSON kept byte for byte inside its document, the sync state as it was, so queued sales are sent as
/// before — and the bill series continues from the last bill printed (which was the last <c>tillSeq</c>).</para>
/// <para>Version 8 made a sale write fewer pages (docs/performance.md): <c>sales</c> keeps only each receipt (its id and
/// bill number are its document's), and the counters of <c>counter</c> and <c>printed_counters</c> became rows of one
/// <c>counters</c> table. A file of version 4–7 has its sales table renamed out of the way, its receipts copied, and its
/// counters moved, values unchanged.</para>
/// <para>Version 9 gave <c>products</c> the MRP and the price's footing (docs/money.md); a file of version 8 or older gains
/// the two columns, its rows keeping their meaning: no MRP, priced before tax, as the snapshot they came from said.</para>
/// <para>Version 10 chained the documents (ADR 0016): a file of version 9 or older gains the chain columns, null on every
/// row it holds (those entries stay unchained: nothing signed them when they were written, and signing them now would
/// vouch for rows nobody checked); its chain begins at the next document, with the genesis marker as previous hash.</para>
/// <para>Version 12 marked retired products (<c>products.retired</c>); a file of version 11 or older gains the column, every
/// row on sale, as its snapshot said.</para></summary>
public static class SchemaUpgrade
{
    private const int RowsPerRead = 1_000;

    /// <summary>The steps around the schema script.</summary>
    public static SqliteUpgrade Steps { get; } = new(RenameSalesAsync, MoveRowsAsync);

    private static async Task RenameSalesAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        if (version >= 8)
        {
            return;
        }

        if (await HasColumnAsync(connection, transaction, "sales", "order_json", cancellationToken))
        {
            await connection.Command("ALTER TABLE sales RENAME TO sales_v3", transaction).ExecuteAsync(cancellationToken);
        }
        else if (await HasColumnAsync(connection, transaction, "sales", "client_order_id", cancellationToken))
        {
            await connection.Command("ALTER TABLE sales RENAME TO sales_v7", transaction).ExecuteAsync(cancellationToken);
        }
    }

    private static async Task<bool> HasColumnAsync(
        DbConnection connection, DbTransaction transaction, string table, string column, CancellationToken cancellationToken) =>
        await connection.Command("SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column", transaction)
            .With("@table", table).With("@column", column).ScalarAsync(cancellationToken) is long and > 0;

    private static async Task<bool> HasTableAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken) =>
        await connection.Command("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @table", transaction)
            .With("@table", table).ScalarAsync(cancellationToken) is long and > 0;

    private static async Task MoveRowsAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await MoveSalesAsync(connection, transaction, cancellationToken);
        if (!await HasColumnAsync(connection, transaction, "products", "tax_inclusive", cancellationToken))
        {
            await connection.Command("ALTER TABLE products ADD COLUMN mrp_paise INTEGER", transaction).ExecuteAsync(cancellationToken);
            await connection.Command("ALTER TABLE products ADD COLUMN tax_inclusive INTEGER NOT NULL DEFAULT 0", transaction).ExecuteAsync(cancellationToken);
        }

        if (!await HasColumnAsync(connection, transaction, "products", "retired", cancellationToken))
        {
            await connection.Command("ALTER TABLE products ADD COLUMN retired INTEGER NOT NULL DEFAULT 0", transaction).ExecuteAsync(cancellationToken);
        }

        if (!await HasColumnAsync(connection, transaction, "documents", "chain_hash", cancellationToken))
        {
            foreach (var column in new[] { "chain_prev_hash", "chain_hash", "chain_signature" })
            {
                await connection.Command($"ALTER TABLE documents ADD COLUMN {column} TEXT", transaction).ExecuteAsync(cancellationToken);
            }
        }

        if (await HasTableAsync(connection, transaction, "sales_v7", cancellationToken))
        {
            await connection.Command("INSERT INTO sales (till_seq, receipt_json) SELECT till_seq, receipt_json FROM sales_v7", transaction)
                .ExecuteAsync(cancellationToken);
            await connection.Command("DROP TABLE sales_v7", transaction).ExecuteAsync(cancellationToken);
        }

        if (await HasTableAsync(connection, transaction, "printed_counters", cancellationToken))
        {
            await connection.Command("INSERT INTO counters (name, last_value) SELECT series, last_number FROM printed_counters", transaction)
                .ExecuteAsync(cancellationToken);
            await connection.Command("DROP TABLE printed_counters", transaction).ExecuteAsync(cancellationToken);
        }

        if (await HasTableAsync(connection, transaction, "counter", cancellationToken))
        {
            await connection.Command($"""
                INSERT INTO counters (name, last_value) SELECT '{Counters.TillSeq}', last_seq FROM counter WHERE id = 1
                """, transaction).ExecuteAsync(cancellationToken);
            await connection.Command("DROP TABLE counter", transaction).ExecuteAsync(cancellationToken);
        }
    }

    private static async Task MoveSalesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (!await HasTableAsync(connection, transaction, "sales_v3", cancellationToken))
        {
            return;
        }

        await using var sale = connection.Command("INSERT INTO sales (till_seq, receipt_json) VALUES (@seq, @receipt)", transaction)
            .With("@seq", 0L).With("@receipt", "");
        await using var document = connection.Command("""
            INSERT INTO documents (till_seq, document_id, kind, number, created_at, total_paise, body_json, body_sha256,
                                   sync_state, sync_reason, sync_detail, synced_at)
            VALUES (@seq, @id, 'sale', @bill, @at, @total, @body, @sha, @state, @reason, @detail, @syncedAt)
            """, transaction)
            .With("@seq", 0L).With("@id", "").With("@bill", "").With("@at", "").With("@total", 0L).With("@body", "").With("@sha", "")
            .With("@state", "").With("@reason", null).With("@detail", null).With("@syncedAt", null);
        for (var after = 0L; ;)
        {
            var rows = await connection.Command("""
                SELECT till_seq, client_order_id, bill_no, created_at, total_paise, order_json, receipt_json, sync_state, sync_reason, sync_detail, synced_at
                FROM sales_v3 WHERE till_seq > @after ORDER BY till_seq LIMIT @limit
                """, transaction).With("@after", after).With("@limit", RowsPerRead)
                .ListAsync(r => Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray(), cancellationToken);
            foreach (var row in rows)
            {
                var (seq, id) = ((long)row[0]!, (string)row[1]!);
                var body = StoredDocument.SaleJsonAround(Guid.Parse(id), seq, (string)row[5]!);
                sale.Set("@seq", seq);
                sale.Set("@receipt", row[6]);
                await sale.ExecuteNonQueryAsync(cancellationToken);
                foreach (var (name, value) in new (string, object?)[]
                {
                    ("@seq", seq), ("@id", id), ("@bill", row[2]), ("@at", row[3]), ("@total", row[4]), ("@body", body),
                    ("@sha", StoredDocument.Checksum(body)), ("@state", row[7]), ("@reason", row[8]), ("@detail", row[9]), ("@syncedAt", row[10]),
                })
                {
                    document.Set(name, value);
                }

                await document.ExecuteNonQueryAsync(cancellationToken);
            }

            if (rows.Count < RowsPerRead)
            {
                break;
            }

            after = (long)rows[^1][0]!;
        }

        await connection.Command($"""
            INSERT INTO counters (name, last_value) SELECT '{PrintedSeries.Bill}', last_seq FROM counter WHERE id = 1
            ON CONFLICT (name) DO NOTHING
            """, transaction).ExecuteAsync(cancellationToken);
        await connection.Command("DROP TABLE sales_v3", transaction).ExecuteAsync(cancellationToken);
    }
}
