using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Storage;

namespace TillSync.Testing;

/// <summary>Writes the history <see cref="ReportHistory"/> writes — the same entries, postings, dates, stores and
/// maintained balances, row for row — with a few set-based statements instead of one journal writer call per sale, for
/// the ten-million-order size (issue 18). A sale's money depends only on its number modulo <see cref="ReportHistory.Cycle"/>,
/// so the 120 sales of one cycle (and their returns) are built by HQ's own <see cref="SaleEntry"/> and
/// <see cref="ReturnEntry"/> into template tables; the journal is then <c>INSERT … SELECT</c> of the order numbers
/// (a recursive CTE on SQLite, <c>generate_series</c> on PostgreSQL) joined to the templates, a chunk of orders per
/// transaction, with the date index (and on PostgreSQL the postings' foreign key) dropped during the load and rebuilt
/// after it. The day rows of the balances are aggregate SQL over the templates' postings and figures times the number
/// of each template's sales on each day, the month rows the day rows summed by month, as migration 0015 backfills them.
/// The postings are not read back by the load: the tests hold it to the journal writer's history at a small size
/// (every table equal) and the bench checks the maintained trial balance against a full scan of the postings.</summary>
public static class SetBasedReportHistory
{
    /// <summary>Orders per transaction: a few gigabytes of write-ahead log at most, and progress every minute or so.</summary>
    public const int OrdersPerChunkDefault = 500_000;

    /// <summary>Builds a history of <paramref name="orders"/> sales over <paramref name="days"/> business days into
    /// <paramref name="database"/>, migrated here, <paramref name="ordersPerChunk"/> orders per transaction.</summary>
    public static async Task BuildAsync(HqDatabase database, int orders, int days, Action<string> progress, int ordersPerChunk = OrdersPerChunkDefault)
    {
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        var postgres = database.Engine.Kind == StoreEngine.Postgres;
        var sql = postgres ? HistorySql.Postgres : HistorySql.Sqlite;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await ExecuteAsync(connection, null, sql.Prepare);
        await ReportHistory.AddStoresAsync(connection);
        await WriteTemplatesAsync(database, connection, orders, days);
        await ExecuteAsync(connection, null, sql.BeforeLoad);
        for (var first = 0; first < orders; first += ordersPerChunk)
        {
            var last = Math.Min(orders, first + ordersPerChunk);
            await using (var transaction = await database.BeginWriteAsync(connection, CancellationToken.None))
            {
                foreach (var insert in new[] { sql.Entries, sql.Postings })
                {
                    await connection.Command(insert, transaction).With("@first", first).With("@last", last).With("@orders", orders)
                        .With("@days", days).WithTimeout().ExecuteAsync(CancellationToken.None);
                }

                await transaction.CommitAsync();
            }

            await ExecuteAsync(connection, null, sql.AfterChunk);
            progress(string.Create(CultureInfo.InvariantCulture, $"{last:N0} of {orders:N0} orders written"));
        }

        await ExecuteAsync(connection, null, sql.AfterLoad);
        progress("journal indexed; writing the balances");
        await using (var transaction = await database.BeginWriteAsync(connection, CancellationToken.None))
        {
            await WriteCountsAsync(connection, transaction, orders, days, database.BulkParametersPerStatement);
            await ExecuteAsync(connection, transaction, Balances);
            await transaction.CommitAsync();
        }

        await ExecuteAsync(connection, null, sql.Finish);
    }

    // The sales of one cycle and their returns, as HQ's journal code makes them: the entry (its kind, and the figures
    // the day rows count), its postings, and its GST classes. The first cycle's dates stand in for every cycle's.
    private static async Task WriteTemplatesAsync(HqDatabase database, DbConnection connection, int orders, int days)
    {
        var entries = new BulkInsert("bench_entries", ["t", "e", "kind", "bills", "bill_taxable_paise", "bill_tax_paise", "bill_total_paise",
            "credit_notes", "credit_note_taxable_paise", "credit_note_tax_paise", "credit_note_total_paise"], BulkInsert.ParametersPerStatementDefault);
        var postings = new BulkInsert("bench_postings", ["t", "e", "posting_no", "account", "amount_paise"], BulkInsert.ParametersPerStatementDefault);
        var gst = new BulkInsert("bench_gst", ["t", "e", "document", "supply", "inter_state", "gst_rate_bp", "taxable_paise", "cgst_paise", "sgst_paise",
            "igst_paise"], BulkInsert.ParametersPerStatementDefault);
        for (var t = 0; t < Math.Min(orders, ReportHistory.Cycle); t++)
        {
            var made = ReportHistory.EntriesOf(t, orders, days);
            for (var e = 0; e < made.Count; e++)
            {
                var entry = made[e].Entry;
                var supply = entry.Supply ?? throw new InvalidOperationException($"{entry.Ref} records no bill or credit note");
                var invoice = supply.Document == SupplyDocument.Invoice;
                long[] figures = [1, supply.Totals.TaxablePaise, supply.TaxPaise, supply.Totals.TotalPaise];
                long[] none = [0, 0, 0, 0];
                entries.Add([t, e, entry.Kind, .. (invoice ? figures : none).Cast<object?>(), .. (invoice ? none : figures).Cast<object?>()]);
                for (var p = 0; p < entry.Postings.Count; p++)
                {
                    postings.Add(t, e, p + 1, entry.Postings[p].Account, entry.Postings[p].AmountPaise);
                }

                foreach (var (rateBp, tax) in supply.Lines)
                {
                    gst.Add(t, e, SupplyDocuments.Stored(supply.Document), supply.Supply, supply.IsInterState ? 1 : 0, rateBp, tax.TaxablePaise,
                        tax.CgstPaise, tax.SgstPaise, tax.IgstPaise);
                }
            }
        }

        await using var transaction = await database.BeginWriteAsync(connection, CancellationToken.None);
        await entries.FlushAsync(connection, transaction, CancellationToken.None);
        await postings.FlushAsync(connection, transaction, CancellationToken.None);
        await gst.FlushAsync(connection, transaction, CancellationToken.None);
        await transaction.CommitAsync();
    }

    // How many sales of each template fall on each business day: sale i is on day i × days ÷ orders, in store 1 + i mod 4.
    private static async Task WriteCountsAsync(DbConnection connection, DbTransaction transaction, int orders, int days, int parametersPerStatement)
    {
        var counts = new Dictionary<(int Day, int T), long>();
        for (var i = 0; i < orders; i++)
        {
            var key = ((int)((long)i * days / orders), i % ReportHistory.Cycle);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var rows = new BulkInsert("bench_counts", ["entry_date", "store_id", "t", "n"], parametersPerStatement);
        foreach (var ((day, t), n) in counts)
        {
            rows.Add(JournalWriter.EntryDate(ReportHistory.FirstDay.AddDays(day)), 1 + (t % ReportHistory.Stores), t, n);
        }

        await rows.FlushAsync(connection, transaction, CancellationToken.None);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string statements)
    {
        if (statements.Length > 0)
        {
            await connection.Command(statements, transaction).WithTimeout().ExecuteAsync(CancellationToken.None);
        }
    }

    private static DbCommand WithTimeout(this DbCommand command)
    {
        // A chunk of half a million orders is minutes of work on a loaded machine; no statement here is interactive.
        command.CommandTimeout = 0;
        return command;
    }

    // The day rows: each template's sums times its sales on the day; then the month rows from the day rows. The same SQL
    // on both engines (PostgreSQL's SUM of BIGINT is NUMERIC, cast back on insert).
    private const string Balances = """
        INSERT INTO ledger_account_days (entry_date, store_id, account, debit_paise, credit_paise)
        SELECT c.entry_date, c.store_id, p.account,
               SUM(c.n * CASE WHEN p.amount_paise > 0 THEN p.amount_paise ELSE 0 END),
               SUM(c.n * CASE WHEN p.amount_paise < 0 THEN -p.amount_paise ELSE 0 END)
        FROM bench_counts c JOIN bench_postings p ON p.t = c.t
        GROUP BY c.entry_date, c.store_id, p.account;

        INSERT INTO ledger_days (entry_date, store_id, entries, bills, bill_taxable_paise, bill_tax_paise, bill_total_paise,
                                 credit_notes, credit_note_taxable_paise, credit_note_tax_paise, credit_note_total_paise)
        SELECT c.entry_date, c.store_id, SUM(c.n), SUM(c.n * e.bills), SUM(c.n * e.bill_taxable_paise), SUM(c.n * e.bill_tax_paise),
               SUM(c.n * e.bill_total_paise), SUM(c.n * e.credit_notes), SUM(c.n * e.credit_note_taxable_paise),
               SUM(c.n * e.credit_note_tax_paise), SUM(c.n * e.credit_note_total_paise)
        FROM bench_counts c JOIN bench_entries e ON e.t = c.t
        GROUP BY c.entry_date, c.store_id;

        INSERT INTO ledger_gst_days (entry_date, store_id, document, supply, inter_state, gst_rate_bp, documents, taxable_paise,
                                     cgst_paise, sgst_paise, igst_paise)
        SELECT c.entry_date, c.store_id, g.document, g.supply, g.inter_state, g.gst_rate_bp, SUM(c.n * g.documents),
               SUM(c.n * g.taxable_paise), SUM(c.n * g.cgst_paise), SUM(c.n * g.sgst_paise), SUM(c.n * g.igst_paise)
        FROM bench_counts c
        JOIN (SELECT t, document, supply, inter_state, gst_rate_bp, COUNT(DISTINCT e) AS documents, SUM(taxable_paise) AS taxable_paise,
                     SUM(cgst_paise) AS cgst_paise, SUM(sgst_paise) AS sgst_paise, SUM(igst_paise) AS igst_paise
              FROM bench_gst GROUP BY t, document, supply, inter_state, gst_rate_bp) g ON g.t = c.t
        GROUP BY c.entry_date, c.store_id, g.document, g.supply, g.inter_state, g.gst_rate_bp;

        INSERT INTO ledger_account_months (entry_month, store_id, account, debit_paise, credit_paise)
        SELECT substr(entry_date, 1, 7), store_id, account, SUM(debit_paise), SUM(credit_paise)
        FROM ledger_account_days GROUP BY substr(entry_date, 1, 7), store_id, account;

        INSERT INTO ledger_months (entry_month, store_id, entries, bills, bill_taxable_paise, bill_tax_paise, bill_total_paise,
                                   credit_notes, credit_note_taxable_paise, credit_note_tax_paise, credit_note_total_paise)
        SELECT substr(entry_date, 1, 7), store_id, SUM(entries), SUM(bills), SUM(bill_taxable_paise), SUM(bill_tax_paise),
               SUM(bill_total_paise), SUM(credit_notes), SUM(credit_note_taxable_paise), SUM(credit_note_tax_paise), SUM(credit_note_total_paise)
        FROM ledger_days GROUP BY substr(entry_date, 1, 7), store_id;

        INSERT INTO ledger_gst_months (entry_month, store_id, document, supply, inter_state, gst_rate_bp, documents, taxable_paise,
                                       cgst_paise, sgst_paise, igst_paise)
        SELECT substr(entry_date, 1, 7), store_id, document, supply, inter_state, gst_rate_bp, SUM(documents), SUM(taxable_paise),
               SUM(cgst_paise), SUM(sgst_paise), SUM(igst_paise)
        FROM ledger_gst_days GROUP BY substr(entry_date, 1, 7), store_id, document, supply, inter_state, gst_rate_bp;
        """;
}
