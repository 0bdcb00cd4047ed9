using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using TillSync.Contracts;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Storage;
using TillSync.Testing;

namespace TillSync.Bench;

/// <summary>`reports --orders N [--days D] [--postgres CONN]`: builds a history of N orders over D business days (ten
/// years by default; <see cref="ReportHistory"/>), starts a real `tillsync hq` on it, and times the trial balance, the
/// GST summary and the day's sales over HTTP for a day, a month, a year with ragged ends (the 15th to the 14th: whole
/// months from the roll-up and two edges of days) and all time, for the chain and for one store (the median and the
/// slowest of seven calls after one warm-up), then the hledger export of a month (and of all time, up to a million
/// orders) with HQ's peak resident memory, and the full scan the reports used to run (LedgerScan) for comparison,
/// checked equal to the maintained trial balance for all time (up to a million orders; a month above that) and for the
/// ragged year. `--set-based` writes the history with <see cref="SetBasedReportHistory"/> (the same rows, minutes instead
/// of hours at ten million orders); `--analyze` runs ANALYZE on the database before HQ starts. Prints Markdown for
/// bench/RESULTS.md.</summary>
internal static class ReportsBenchmark
{
    private const int Calls = 7;

    // Above this the all-time hledger export (about 650 MiB per million orders) takes longer than everything else.
    private const int AllTimeExportOrdersMax = 1_000_000;

    // Above this the full scan of all time (about 40 s per million orders on SQLite under load) is replaced by a month's.
    private const int AllTimeScanOrdersMax = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var orders = Option(args, "--orders", 100_000);
        var days = Option(args, "--days", 3652);
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var setBased = args.Contains("--set-based");
        Console.WriteLine($"Machine: {Machine.Describe()}; load average {Machine.LoadAverage()}");
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-bench", "reports-" + Guid.CreateVersion7().ToString("N"));
        Directory.CreateDirectory(dataDir);
        await using var pg = postgres is null ? null : await BenchDatabase.CreateAsync(postgres);
        var build = Stopwatch.StartNew();
        long bytes;
        await using (var database = pg is null ? HqDatabase.Sqlite(dataDir) : HqDatabase.Postgres(pg.ConnectionString))
        {
            await (setBased ? SetBasedReportHistory.BuildAsync(database, orders, days, Console.Error.WriteLine)
                : ReportHistory.BuildAsync(database, orders, days, Console.Error.WriteLine));
            if (args.Contains("--analyze"))
            {
                await AnalyzeAsync(database);
            }

            bytes = await SizeAsync(database, dataDir);
            Console.WriteLine($"Maintained balance rows: {await RowCountsAsync(database)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"History: {orders:N0} orders over {days} days, {ReportHistory.Stores} stores, built in {build.Elapsed.TotalSeconds:0} s{(setBased ? " (set-based)" : "")}; database {bytes / 1048576.0:N0} MiB = {bytes / (double)orders:N0} bytes per order ({(pg is null ? "SQLite" : "PostgreSQL")})"));
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var hq = await HqChild.StartAsync(dataDir, token, pg?.ConnectionString);
        using var http = new HttpClient { BaseAddress = hq.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var last = ReportHistory.DayOf(orders - 1, orders, days);
        var month = new DateOnly(last.Year, last.Month, 1).AddMonths(-1);
        var year = (From: month.AddMonths(-11).AddDays(14), To: month.AddDays(13));
        var periods = new (string Name, string Query)[]
        {
            ("a day", $"from={Text(last)}&to={Text(last)}"),
            ("a month", $"from={Text(month)}&to={Text(month.AddMonths(1).AddDays(-1))}"),
            ("a year, 15th to 14th", $"from={Text(year.From)}&to={Text(year.To)}"),
            ("all time", ""),
        };
        Console.WriteLine($"Load average before timing: {Machine.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| report | period | stores | median ms | slowest ms |");
        Console.WriteLine("| --- | --- | --- | ---: | ---: |");
        // The day's sales by day for every period, and by month (what HQ answers a request without by= over 92 days) for the long ones.
        foreach (var report in new[] { "trial-balance", "gst-summary", "day-sales?by=day", "day-sales?by=month" })
        {
            foreach (var (name, query) in report.EndsWith("month", StringComparison.Ordinal) ? periods[2..] : periods)
            {
                foreach (var store in new[] { "all", "2" })
                {
                    var parameters = string.Join('&', new[] { report.Split('?').ElementAtOrDefault(1), query, store == "all" ? null : $"storeId={store}" }
                        .Where(p => !string.IsNullOrEmpty(p)));
                    var path = $"/api/v1/ledger/{report.Split('?')[0]}?{parameters}";
                    var times = await TimeAsync(http, path);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {report} | {name} | {store} | {times.Order().ElementAt(Calls / 2):0.0} | {times.Max():0.0} |"));
                }
            }
        }

        Console.WriteLine($"Load average after timing: {Machine.LoadAverage()}");
        await ExportAsync(http, hq.ProcessId, periods[1].Query, "a month");
        if (orders <= AllTimeExportOrdersMax)
        {
            await ExportAsync(http, hq.ProcessId, "", "all time");
        }

        // The scan of a year at ten million orders runs past Npgsql's 30-second command timeout on a loaded machine.
        await using var scanDatabase = pg is null ? HqDatabase.Sqlite(dataDir) : HqDatabase.Postgres(pg.ConnectionString + ";Command Timeout=0");
        if (orders <= AllTimeScanOrdersMax)
        {
            await CompareWithScanAsync(http, scanDatabase, new LedgerPeriod(null, null, null), "", "all time");
        }
        else
        {
            await CompareWithScanAsync(http, scanDatabase, new LedgerPeriod(month, month.AddMonths(1).AddDays(-1), null), periods[1].Query, periods[1].Name);
        }

        await CompareWithScanAsync(http, scanDatabase, new LedgerPeriod(year.From, year.To, null), periods[2].Query, periods[2].Name);
        return 0;
    }

    private static async Task<List<double>> TimeAsync(HttpClient http, string path)
    {
        (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        var times = new List<double>(Calls);
        for (var i = 0; i < Calls; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    // Streams the hledger export of a period into nothing; HQ's peak resident memory (VmHWM) before and after.
    private static async Task ExportAsync(HttpClient http, int hqProcessId, string query, string name)
    {
        var before = PeakResidentMiB(hqProcessId);
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri($"/api/v1/ledger/journal?format=hledger&{query}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var counting = new CountingStream();
        await body.CopyToAsync(counting);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hledger export of {name}: {counting.Length / 1048576.0:N1} MiB in {clock.Elapsed.TotalSeconds:0.0} s; HQ peak RSS {before:N0} MiB before, {PeakResidentMiB(hqProcessId):N0} MiB after"));
    }

    // The reports' old way: every posting of the period; checked equal to what HQ answered from its balances.
    private static async Task CompareWithScanAsync(HttpClient http, HqDatabase database, LedgerPeriod period, string query, string name)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var snapshot = await database.BeginReadAsync(connection, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var scanned = await LedgerScan.TrialBalanceAsync(snapshot, period, CancellationToken.None);
        var scanMs = clock.Elapsed.TotalMilliseconds;
        var maintained = await http.GetStringAsync(new Uri($"/api/v1/ledger/trial-balance?{query}", UriKind.Relative));
        var same = System.Text.Json.JsonSerializer.Serialize(scanned, TillSyncJsonContext.Default.TrialBalanceView) == maintained;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full scan of every posting (LedgerScan, trial balance, {name}): {scanMs:N0} ms; equal to the maintained trial balance: {(same ? "yes" : "NO")}"));
    }

    private static async Task AnalyzeAsync(HqDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var analyze = connection.Command("ANALYZE");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
        Console.WriteLine("ANALYZE run before HQ started");
    }

    private static async Task<long> SizeAsync(HqDatabase database, string dataDir)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        if (database.Engine.Kind == StoreEngine.Postgres)
        {
            return Convert.ToInt64(await connection.Command("SELECT pg_database_size(current_database())").ScalarAsync(CancellationToken.None),
                CultureInfo.InvariantCulture);
        }

        await connection.Command("PRAGMA wal_checkpoint(TRUNCATE)").ExecuteAsync(CancellationToken.None);
        return Directory.GetFiles(dataDir).Sum(f => new FileInfo(f).Length);
    }

    private static async Task<string> RowCountsAsync(HqDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var counts = new List<string>();
        foreach (var table in new[] { "ledger_account_days", "ledger_days", "ledger_gst_days", "ledger_account_months", "ledger_months", "ledger_gst_months" })
        {
            var rows = Convert.ToInt64(await connection.Command($"SELECT COUNT(*) FROM {table}").ScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{table} {rows:N0}"));
        }

        return string.Join(", ", counts);
    }

    private static double PeakResidentMiB(int processId) =>
        File.ReadLines($"/proc/{processId}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).Single();

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Position += count;
    }
}
