using System.Globalization;

namespace TillSync.Testing;

/// <summary>The statements of <see cref="SetBasedReportHistory"/> that differ between the engines: the series of order
/// numbers, dates, text formatting, and what is dropped around the load. <c>@first</c> and <c>@last</c> bound a chunk of
/// order numbers (last excluded); <c>@orders</c> and <c>@days</c> spread them over the days as
/// <see cref="ReportHistory.DayOf"/> does. Each entry's ref, description and posting time are those
/// <see cref="ReportHistory.EntriesOf"/> gives it.</summary>
/// <param name="Prepare">Creates the template tables (dropped by <paramref name="Finish"/>).</param>
/// <param name="BeforeLoad">Drops what the load would keep up to date row by row for nothing.</param>
/// <param name="Entries">Inserts the chunk's journal entries, in the journal writer's order.</param>
/// <param name="Postings">Inserts the chunk's postings.</param>
/// <param name="AfterChunk">Runs after each chunk's commit.</param>
/// <param name="AfterLoad">Rebuilds what <paramref name="BeforeLoad"/> dropped.</param>
/// <param name="Finish">Drops the template tables and leaves the database as HQ would find it.</param>
internal sealed record HistorySql(string Prepare, string BeforeLoad, string Entries, string Postings, string AfterChunk, string AfterLoad, string Finish)
{
    private const string Templates = """
        CREATE TEMP TABLE bench_entries (
            t BIGINT NOT NULL, e BIGINT NOT NULL, kind TEXT NOT NULL,
            bills BIGINT NOT NULL, bill_taxable_paise BIGINT NOT NULL, bill_tax_paise BIGINT NOT NULL, bill_total_paise BIGINT NOT NULL,
            credit_notes BIGINT NOT NULL, credit_note_taxable_paise BIGINT NOT NULL, credit_note_tax_paise BIGINT NOT NULL,
            credit_note_total_paise BIGINT NOT NULL,
            PRIMARY KEY (t, e));
        CREATE TEMP TABLE bench_postings (
            t BIGINT NOT NULL, e BIGINT NOT NULL, posting_no BIGINT NOT NULL, account TEXT NOT NULL, amount_paise BIGINT NOT NULL,
            PRIMARY KEY (t, e, posting_no));
        CREATE TEMP TABLE bench_gst (
            t BIGINT NOT NULL, e BIGINT NOT NULL, document TEXT NOT NULL, supply TEXT NOT NULL, inter_state BIGINT NOT NULL,
            gst_rate_bp BIGINT NOT NULL, taxable_paise BIGINT NOT NULL, cgst_paise BIGINT NOT NULL, sgst_paise BIGINT NOT NULL,
            igst_paise BIGINT NOT NULL);
        CREATE TEMP TABLE bench_counts (entry_date TEXT NOT NULL, store_id BIGINT NOT NULL, t BIGINT NOT NULL, n BIGINT NOT NULL);
        """;

    private static readonly string FirstDay = ReportHistory.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private const string DropTemplates = "DROP TABLE bench_entries; DROP TABLE bench_postings; DROP TABLE bench_gst; DROP TABLE bench_counts;";

    private const string DropDateIndex = "DROP INDEX ix_journal_entries_date;";

    private const string CreateDateIndex = "CREATE INDEX ix_journal_entries_date ON journal_entries (entry_date, store_id);";

    // Sale i (e = 0) is sale:<Guid(i, 0, 0, …01)>, its return (e = 1) return:<Guid(i, 0, 0, …02)>.
    private static string SqliteRef(string alias) =>
        $"CASE WHEN {alias}.e = 0 THEN 'sale:' ELSE 'return:' END || printf('%08x', o.i) || '-0000-0000-0000-00000000000' || ({alias}.e + 1)";

    private static string PostgresRef(string alias) =>
        $"CASE WHEN {alias}.e = 0 THEN 'sale:' ELSE 'return:' END || lpad(to_hex(o.i), 8, '0') || '-0000-0000-0000-00000000000' || ({alias}.e + 1)";

    // The chunk's orders: number, template, business day, and the financial year's first calendar year.
    private static readonly string SqliteOrders = $"""
        WITH RECURSIVE s(i) AS (SELECT @first UNION ALL SELECT i + 1 FROM s WHERE i + 1 < @last),
        days AS (SELECT i, i % {ReportHistory.Cycle} AS t, date('{FirstDay}', '+' || (i * @days / @orders) || ' days') AS d FROM s),
        o AS (SELECT i, t, d, CAST(substr(d, 1, 4) AS INTEGER) - CASE WHEN CAST(substr(d, 6, 2) AS INTEGER) < 4 THEN 1 ELSE 0 END AS fy FROM days)
        """;

    private static readonly string PostgresOrders = $"""
        WITH days AS (SELECT i, i % {ReportHistory.Cycle} AS t, DATE '{FirstDay}' + CAST(i * @days / @orders AS INTEGER) AS d
                      FROM generate_series(CAST(@first AS BIGINT), CAST(@last AS BIGINT) - 1) AS s(i)),
        o AS (SELECT i, t, d, CAST(EXTRACT(YEAR FROM d) AS INTEGER) - CASE WHEN EXTRACT(MONTH FROM d) < 4 THEN 1 ELSE 0 END AS fy FROM days)
        """;

    /// <summary>SQLite: a recursive CTE of the order numbers; the write-ahead log truncated after each chunk, so the
    /// load needs the disk of the database and one chunk, not twice the database.</summary>
    public static readonly HistorySql Sqlite = new(
        Prepare: "PRAGMA cache_size = -262144;" + Templates,
        BeforeLoad: DropDateIndex,
        Entries: InsertEntries(SqliteOrders, SqliteRef("e"), date: "o.d",
            financialYear: "printf('%02d%02d', o.fy % 100, (o.fy + 1) % 100)",
            billNumber: "printf('%06d', o.i + 1)",
            postedAt: "strftime('%Y-%m-%dT%H:%M:%S', o.d, '+' || (210 + o.i % 600) || ' minutes')"),
        Postings: InsertPostings(SqliteOrders, SqliteRef("p")),
        AfterChunk: "PRAGMA wal_checkpoint(TRUNCATE);",
        AfterLoad: CreateDateIndex,
        Finish: DropTemplates + "PRAGMA cache_size = -2000;");

    /// <summary>PostgreSQL: <c>generate_series</c>; the postings' foreign key dropped during the load and added back
    /// after it (one join checks every posting), and the tables analysed at the end.</summary>
    public static readonly HistorySql Postgres = new(
        Prepare: Templates,
        BeforeLoad: DropDateIndex + "ALTER TABLE journal_postings DROP CONSTRAINT journal_postings_entry_ref_fkey;",
        Entries: InsertEntries(PostgresOrders, PostgresRef("e"), date: "to_char(o.d, 'YYYY-MM-DD')",
            financialYear: "lpad(CAST(o.fy % 100 AS TEXT), 2, '0') || lpad(CAST((o.fy + 1) % 100 AS TEXT), 2, '0')",
            billNumber: "lpad(CAST(o.i + 1 AS TEXT), GREATEST(6, length(CAST(o.i + 1 AS TEXT))), '0')",
            postedAt: "to_char(o.d + make_interval(mins => CAST(210 + o.i % 600 AS INTEGER)), 'YYYY-MM-DD\"T\"HH24:MI:SS')"),
        Postings: InsertPostings(PostgresOrders, PostgresRef("p")),
        AfterChunk: "",
        AfterLoad: CreateDateIndex
            + "ALTER TABLE journal_postings ADD CONSTRAINT journal_postings_entry_ref_fkey FOREIGN KEY (entry_ref) REFERENCES journal_entries (entry_ref);",
        Finish: DropTemplates + "ANALYZE;");

    // The chunk's entries in the journal writer's order (a sale, then its return): its ref, store, kind, business date, the
    // bill's or credit note's number as description (SaleEntry, ReturnEntry) and the sale's time in UTC as posted_at.
    private static string InsertEntries(string orders, string entryRef, string date, string financialYear, string billNumber, string postedAt) => orders + $"""
        INSERT INTO journal_entries (entry_ref, store_id, kind, entry_date, description, posted_at)
        SELECT {entryRef}, 1 + o.i % {ReportHistory.Stores}, e.kind, {date},
               CASE WHEN e.e = 0 THEN 'Bill T01/' || {financialYear} || '/' || {billNumber} ELSE 'Credit note T01/C' || o.i END,
               {postedAt} || '.0000000Z'
        FROM o JOIN bench_entries e ON e.t = o.t
        ORDER BY o.i, e.e
        """;

    private static string InsertPostings(string orders, string entryRef) => orders + $"""
        INSERT INTO journal_postings (entry_ref, posting_no, store_id, account, amount_paise)
        SELECT {entryRef}, p.posting_no, 1 + o.i % {ReportHistory.Stores}, p.account, p.amount_paise
        FROM o JOIN bench_postings p ON p.t = o.t
        ORDER BY o.i, p.e, p.posting_no
        """;
}
