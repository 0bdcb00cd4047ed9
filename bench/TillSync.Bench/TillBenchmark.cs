using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Chain;
using TillSync.Core.Ids;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Storage;
using TillSync.Till.Catalog;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Sync;
using TillSync.Till.Updates;

namespace TillSync.Bench;

/// <summary>The till's two docs/performance.md targets. <c>sale</c>: the real <see cref="SaleRecorder"/> on a real till.db,
/// each sale interleaved with a bare fsync'd insert of the same rows (its document and its receipt) into a second file
/// with the same pragmas.
/// <c>drain</c>: a queue of N offline orders, then a real HQ drained by the till's real sync agent steps; this process
/// is the till, and its peak RSS (VmHWM, reset after the queue is built) is the till's.</summary>
internal static class TillBenchmark
{
    public static async Task<int> RunAsync(string mode, int count)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-bench", Guid.CreateVersion7().ToString("N"));
        var tillDir = dataDir + "-till";
        await using var hq = await HqChild.StartAsync(dataDir, IngestBenchmark.AdminToken, null);
        using var admin = new HttpClient { BaseAddress = hq.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var enrolment = (await IngestBenchmark.SetUpAsync(admin, new IngestSettings(1, 0, 3, 500, null, 0)))[0];
        using var http = new HttpClient();
        HqClient.Configure(http, hq.BaseAddress, enrolment.Token);
        var client = new HqClient(http);
        var database = new TillDatabase(tillDir);
        await database.EnsureSchemaAsync(CancellationToken.None);
        var snapshots = new SnapshotStore(database);
        await snapshots.SaveAsync(await client.SnapshotAsync(CancellationToken.None), CancellationToken.None);
        using var signal = new SyncSignal();
        using var key = ReceiptKey.LoadOrCreate(tillDir);
        await using var writer = new DocumentWriter(database, key);
        // A cashier logged in as at the counter: the sale path reads them from memory (docs/shifts.md), never the database.
        var cashiers = new CashierSession(TimeProvider.System, TimeSpan.MaxValue);
        cashiers.Begin(new Cashier(1, "Bench cashier", TillSync.Contracts.Staff.StaffRoles.Cashier));
        // `sale` sells into an open shift, as at the counter: the recorder checks it in memory on every sale (docs/shifts.md).
        // `drain` builds its queue from the first sale's rows at tillSeq 1, so it sells without one, as the simulator does.
        var ids = new UuidV7Generator(TimeProvider.System, new Random(1));
        var shifts = mode == "sale" ? await OpenShiftAsync(writer, cashiers, snapshots, database, ids, signal) : null;
        var recorder = new SaleRecorder(writer, snapshots, cashiers, ids, TimeProvider.System, signal, key, shifts: shifts);
        try
        {
            return mode == "sale"
                ? await SalesAsync(database, recorder, key, snapshots.Current!, count)
                : await DrainAsync(database, recorder, snapshots, client, signal, key, count);
        }
        finally
        {
            await writer.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(tillDir, recursive: true);
        }
    }

    private static async Task<ShiftRegister> OpenShiftAsync(
        DocumentWriter writer, CashierSession cashiers, SnapshotStore snapshots, TillDatabase database, UuidV7Generator ids, SyncSignal signal)
    {
        var shifts = new ShiftRegister(database);
        var (opened, problem) = await new ShiftRecorder(writer, shifts, cashiers, snapshots, database, ids, TimeProvider.System, signal,
            new TillSync.Till.Parking.ParkedCarts(database, cashiers, snapshots, TimeProvider.System))
            .OpenAsync(new OpenShiftRequest(ids.NewId(), [new DenominationCountDto(50_000, 4)]), CancellationToken.None);
        return opened is not null ? shifts : throw new InvalidOperationException($"The bench could not open a shift: {problem?.Detail}");
    }

    private static SaleRequest Cart(TillSnapshot snapshot, Random random)
    {
        var lines = Enumerable.Range(0, 3).Select(_ => new CartLine(snapshot.Products[random.Next(snapshot.Products.Count)].Sku, random.Next(1, 4))).ToList();
        return new SaleRequest(lines, [new Tender(PaymentMethods.Cash, 10_000_000)]);
    }

    private static async Task<int> SalesAsync(TillDatabase database, SaleRecorder recorder, ReceiptKey key, TillSnapshot snapshot, int count)
    {
        var bareDir = Path.GetDirectoryName(database.FilePath)! + "-bare";
        Directory.CreateDirectory(bareDir);
        await using var bare = new SqliteConnection($"Data Source={Path.Combine(bareDir, "bare.db")}");
        await bare.OpenAsync();
        await bare.Command("PRAGMA journal_mode = WAL;").ExecuteAsync(CancellationToken.None);
        await bare.Command("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;").ExecuteAsync(CancellationToken.None);
        await using (var source = new SqliteConnection($"Data Source={database.FilePath};Mode=ReadOnly"))
        {
            await source.OpenAsync();
            var ddl = await source.Command("SELECT group_concat(sql, ';') FROM sqlite_master WHERE tbl_name IN ('sales', 'documents') AND sql IS NOT NULL")
                .ScalarAsync(CancellationToken.None);
            await bare.Command((string)ddl!).ExecuteAsync(CancellationToken.None);
        }

        var random = new Random(7);
        await using var read = new SqliteConnection($"Data Source={database.FilePath};Mode=ReadOnly");
        await read.OpenAsync();

        // One sale through the recorder, then the same rows inserted bare: one fsync'd transaction, one statement per row,
        // a kept connection. Returns both times in milliseconds; reading the rows back is not timed.
        async Task<(double SaleMs, double BareMs)> SaleAndBareAsync()
        {
            var start = Stopwatch.GetTimestamp();
            var (receipt, problem) = await recorder.RecordAsync(Cart(snapshot, random), CancellationToken.None);
            var saleMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (receipt is null)
            {
                throw new InvalidOperationException(problem);
            }

            var document = await read.Command("""
                SELECT till_seq, document_id, kind, number, created_at, total_paise, body_json, body_sha256, chain_prev_hash, chain_hash, chain_signature
                FROM documents WHERE till_seq = @s
                """).With("@s", receipt.TillSeq)
                .FirstOrDefaultAsync(r => Enumerable.Range(0, 11).Select(r.GetValue).ToArray(), CancellationToken.None);
            var sale = await read.Command("SELECT till_seq, receipt_json FROM sales WHERE till_seq = @s").With("@s", receipt.TillSeq)
                .FirstOrDefaultAsync(r => Enumerable.Range(0, 2).Select(r.GetValue).ToArray(), CancellationToken.None);
            start = Stopwatch.GetTimestamp();
            await using (var transaction = bare.BeginTransaction(deferred: false))
            {
                await bare.Command("""
                    INSERT INTO documents (till_seq, document_id, kind, number, created_at, total_paise, body_json, body_sha256, sync_state,
                                           chain_prev_hash, chain_hash, chain_signature)
                    VALUES (@seq, @id, @kind, @number, @at, @total, @body, @sha, 'pending', @prev, @hash, @signature)
                    """, transaction)
                    .With("@seq", document![0]).With("@id", document[1]).With("@kind", document[2]).With("@number", document[3]).With("@at", document[4])
                    .With("@total", document[5]).With("@body", document[6]).With("@sha", document[7])
                    .With("@prev", document[8]).With("@hash", document[9]).With("@signature", document[10]).ExecuteAsync(CancellationToken.None);
                await bare.Command("INSERT INTO sales (till_seq, receipt_json) VALUES (@seq, @receipt)", transaction)
                    .With("@seq", sale![0]).With("@receipt", sale[1]).ExecuteAsync(CancellationToken.None);
                await transaction.CommitAsync();
            }

            return (saleMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // Warm-up: a process starts on quickly compiled code and the runtime recompiles the hot methods optimized after
        // about 30 calls each and a quiet spell (tiered compilation); until then a sale takes about twice as long, and the
        // more code a sale runs, the more sales that takes. The till runs all day, so the target is the settled figure:
        // sales run untimed until a whole window of them compiled nothing new (at most 20,000). The first sales after a
        // start are reported apart, as the cashier meets them once per start.
        const int window = 250, firstSales = 100;
        var cold = new List<double>(firstSales);
        var warmUp = 0;
        while (warmUp < 20_000)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < window; i++, warmUp++)
            {
                var (saleMs, _) = await SaleAndBareAsync();
                if (cold.Count < firstSales)
                {
                    cold.Add(saleMs);
                }
            }

            if (System.Runtime.JitInfo.GetCompiledMethodCount() == before)
            {
                break;
            }
        }

        var recorded = new List<double>(count);
        var bareMs = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var (saleMs, bareInsertMs) = await SaleAndBareAsync();
            recorded.Add(saleMs);
            bareMs.Add(bareInsertMs);
        }

        // The receipt code's signature alone, over the last sale's own code as many times as there were sales: the part of a
        // sale that signing its receipt (issue 15's offline returns) adds.
        var lastBody = await read.Command("SELECT body_json FROM documents ORDER BY till_seq DESC LIMIT 1").ScalarAsync(CancellationToken.None);
        var lastSale = System.Text.Json.JsonSerializer.Deserialize((string)lastBody!, TillSync.Contracts.TillSyncJsonContext.Default.TillDocumentDto)!.Sale!;
        var signMs = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = key.Sign(ReceiptCodes.Of(lastSale, snapshot.TillId)) ?? throw new InvalidOperationException("The bench's sale has no receipt code.");
            signMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // The document's chain entry alone (ADR 0016), as DocumentTransaction.AddAsync makes it for every document: the link
        // looked up on the till's file, the SHA-256 of the stored JSON, the entry's hash and the till's signature over it —
        // the part of a sale that the tamper-evident log adds (issue 25: at most 0.5 ms at p99).
        var chainMs = new List<double>(count);
        var lastSeq = await read.Command("SELECT MAX(till_seq) FROM documents").ScalarAsync(CancellationToken.None);
        await using (var link = read.Command(DocumentTransaction.PrevHashSql).With("@prev", lastSeq))
        {
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var prevHash = await link.ScalarAsync(CancellationToken.None) as string ?? DocumentChain.Genesis;
                var hash = DocumentChain.Hash((long)lastSeq! + 1, prevHash, DocumentChain.BodySha256((string)lastBody!));
                _ = key.SignChain(hash);
                chainMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        await bare.CloseAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(bareDir, recursive: true);
        double P(List<double> l, int p) => Percentile(l, p);
        Console.WriteLine($"machine: {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        Console.WriteLine(Invariant($"run: {warmUp} warm-up sales until {window} in a row compiled no new code, then {count} timed sales of 3 lines, each followed by a bare insert of the same rows"));
        Console.WriteLine("| path | p50 ms | p99 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Console.WriteLine(Invariant($"| SaleRecorder.RecordAsync (real till.db), settled | {P(recorded, 50):0.00} | {P(recorded, 99):0.00} | {recorded.Max():0.00} |"));
        Console.WriteLine(Invariant($"| … of which signing its receipt code (timed apart) | {P(signMs, 50):0.00} | {P(signMs, 99):0.00} | {signMs.Max():0.00} |"));
        Console.WriteLine(Invariant($"| … of which chaining and signing its document (timed apart) | {P(chainMs, 50):0.000} | {P(chainMs, 99):0.000} | {chainMs.Max():0.000} |"));
        Console.WriteLine(Invariant($"| bare fsync'd INSERT of the same rows | {P(bareMs, 50):0.00} | {P(bareMs, 99):0.00} | {bareMs.Max():0.00} |"));
        Console.WriteLine(Invariant($"| the first {cold.Count} sales after the till started (warm-up) | {P(cold, 50):0.00} | {P(cold, 99):0.00} | {cold.Max():0.00} |"));
        Console.WriteLine(Invariant($"recorder / bare: p50 {P(recorded, 50) / P(bareMs, 50):0.00}, p99 {P(recorded, 99) / P(bareMs, 99):0.00} (docs/performance.md: p99 ≤ 5 ms and ≤ 1.5×)"));
        return 0;
    }

    private static async Task<int> DrainAsync(
        TillDatabase database, SaleRecorder recorder, SnapshotStore snapshots, HqClient client, SyncSignal signal, ReceiptKey key, int count)
    {
        var build = Stopwatch.StartNew();
        await BuildQueueAsync(database, recorder, snapshots.Current!, count);
        build.Stop();
        GC.Collect();
        var rssBefore = Status("VmRSS");
        var hwmAfterBuild = Status("VmHWM");
        // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0): the peak below is the drain's.
        await File.WriteAllTextAsync("/proc/self/clear_refs", "5");
        var outbox = new DocumentOutbox(database);
        var link = new LinkState();
        var agent = new SyncAgent(client, outbox, snapshots, new HqUpdates(database, TimeProvider.System), link, signal,
            new Backoff(TimeSpan.FromSeconds(5), new Random(1)), key, new TillSync.Till.Metrics.TillMetrics(outbox, link, TimeProvider.System),
            TimeProvider.System, NullLogger<SyncAgent>.Instance);
        var clock = Stopwatch.StartNew();
        var steps = 1;
        // The agent answers zero while it made progress and more may wait; the heartbeat interval once the queue is
        // empty (or a backoff delay on a failure, which the synced count below then reports).
        while (await agent.RunOnceAsync(CancellationToken.None) == TimeSpan.Zero)
        {
            steps++;
        }

        clock.Stop();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var synced = Convert.ToInt64(await connection.Command("SELECT COUNT(*) FROM documents WHERE sync_state = 'synced'")
            .ScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
        Console.WriteLine($"machine: {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        Console.WriteLine(Invariant($"queue: {count} orders built in {build.Elapsed.TotalSeconds:0.0} s (peak RSS while building {hwmAfterBuild / 1024.0:0} MiB)"));
        Console.WriteLine("| queued orders | synced | sync steps | drain s | orders/s | RSS before drain MiB | peak RSS during drain MiB (VmHWM) | RSS after MiB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Invariant(
            $"| {count} | {synced} | {steps} | {clock.Elapsed.TotalSeconds:0.0} | {count / clock.Elapsed.TotalSeconds:0} | {rssBefore / 1024.0:0} | {Status("VmHWM") / 1024.0:0} | {Status("VmRSS") / 1024.0:0} |"));
        return synced == count ? 0 : 1;
    }

    // The first sale goes through the real recorder; the rest are inserted the way it inserts them (the same rows: the sale
    // document it would send with its checksum, its receipt JSON as the template), 5,000 per transaction so that building
    // 100,000 does not take 100,000 fsyncs. Memory stays small: one transaction's rows at a time.
    private static async Task BuildQueueAsync(TillDatabase database, SaleRecorder recorder, TillSnapshot snapshot, int count)
    {
        var random = new Random(11);
        var (first, problem) = await recorder.RecordAsync(Cart(snapshot, random), CancellationToken.None);
        if (first is null)
        {
            throw new InvalidOperationException(problem);
        }

        await using var connection = await database.OpenAsync(CancellationToken.None);
        var receiptJson = (string)(await connection.Command("SELECT receipt_json FROM sales WHERE till_seq = 1").ScalarAsync(CancellationToken.None))!;
        var ids = new UuidV7Generator(TimeProvider.System, new Random(3));
        for (var seq = 2L; seq <= count;)
        {
            await using var transaction = TillDatabase.BeginWrite(connection);
            await using var document = connection.Command("""
                INSERT INTO documents (till_seq, document_id, kind, number, created_at, total_paise, body_json, body_sha256, sync_state)
                VALUES (@seq, @id, 'sale', @bill, @at, @total, @body, @sha, 'pending')
                """, transaction)
                .With("@seq", 0L).With("@id", "").With("@bill", "").With("@at", "").With("@total", 0L).With("@body", "").With("@sha", "");
            await using var sale = connection.Command("INSERT INTO sales (till_seq, receipt_json) VALUES (@seq, @receipt)", transaction)
                .With("@seq", 0L).With("@receipt", receiptJson);
            for (var n = 0; n < 5_000 && seq <= count; n++, seq++)
            {
                var lines = Enumerable.Range(0, 3).Select(_ =>
                {
                    var p = snapshot.Products[random.Next(snapshot.Products.Count)];
                    return new OrderLineDto(p.Sku, random.Next(1, 4), p.PricePaise, 0, p.GstRateBp);
                }).ToList();
                var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(lines), SupplyKind.IntraState));
                var createdAt = DateTimeOffset.UtcNow.ToOffset(BillNumber.IstOffset);
                var order = new OrderDto(ids.NewId(), seq, BillNumber.Format(snapshot.BillPrefix, createdAt, seq), createdAt, lines,
                    [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals);
                var json = StoredDocument.Json(new TillDocumentDto(DocumentKinds.Sale, order.ClientOrderId, seq, Sale: order));
                foreach (var (name, value) in new (string, object)[]
                {
                    ("@seq", seq), ("@id", order.ClientOrderId.ToString("D")), ("@bill", order.BillNo), ("@at", StoredTime.Text(createdAt)),
                    ("@total", totals.TotalPaise), ("@body", json), ("@sha", StoredDocument.Checksum(json)),
                })
                {
                    document.Set(name, value);
                }

                await document.ExecuteNonQueryAsync();
                sale.Set("@seq", seq);
                await sale.ExecuteNonQueryAsync();
            }

            await connection.Command("UPDATE counters SET last_value = @last WHERE name IN (@tillSeq, @bill)", transaction).With("@last", seq - 1)
                .With("@tillSeq", Counters.TillSeq).With("@bill", PrintedSeries.Bill).ExecuteAsync(CancellationToken.None);
            await transaction.CommitAsync();
        }
    }

    private static long Status(string field) => long.Parse(
        File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0],
        CultureInfo.InvariantCulture);

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
