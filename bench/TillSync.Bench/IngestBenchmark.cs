using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Idempotency;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Till.Sales;

namespace TillSync.Bench;

/// <summary>HQ ingest over HTTP: every till sends its orders in batches, all tills at once; then, after a pause
/// (<c>--settle-ms</c>, 5 s) that lets the ingest's background work finish — PostgreSQL's autovacuum of the tables just
/// filled, which otherwise lands in the replay's clock and halves it — every batch again (all duplicates). Batches are
/// built before the clock starts so that only HQ is measured. On PostgreSQL each run gets a fresh database, dropped
/// afterwards, so that runs compare.</summary>
internal static class IngestBenchmark
{
    // HQ refuses a manager token under 128 bits of entropy; 256 random bits, new each run.
    internal static readonly string AdminToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    internal static readonly int[] GstRatesBp = [0, 500, 1200, 1800, 2800];

    public static async Task<int> RunAsync(IngestSettings settings)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-bench", Guid.CreateVersion7().ToString("N"));
        await using var database = settings.Postgres is null ? null : await BenchDatabase.CreateAsync(settings.Postgres);
        await using var hq = await HqChild.StartAsync(dataDir, AdminToken, database?.ConnectionString);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = hq.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var tills = await SetUpAsync(http, settings);
        var batches = tills.Select(t => BuildBatches(t, settings)).ToList();

        var ingest = await SendAllAsync(http, tills, batches, SyncStatus.Created);
        await Task.Delay(settings.SettleMs);
        var replay = await SendAllAsync(http, tills, batches, SyncStatus.Duplicate);
        var floor = settings.Postgres is null
            ? await RawFloor.RunAsync(Path.Combine(hq.DataDir, "hq.db"), settings.BatchSize)
            : ((TimeSpan, List<double>, int)?)null;
        Report(settings, ingest, replay, floor);
        return 0;
    }

    internal static async Task<List<TillEnrolmentResult>> SetUpAsync(HttpClient http, IngestSettings settings)
    {
        using var manager = Authorised(http, AdminToken);
        await Send(manager, HttpMethod.Put, "/api/v1/store",
            JsonContent.Create(new StoreDto("29AABCH1234K1ZN", "Hello Retail Private Limited", "12, 100 Feet Road", "Bengaluru", 560038, "29"),
                TillSyncJsonContext.Default.StoreDto));
        var products = Enumerable.Range(1, 50).Select(i => new ProductDto(
            string.Create(CultureInfo.InvariantCulture, $"SKU-{i:D3}"), $"Product {i}", "10063020", "PCS",
            GstRatesBp[i % 5], 1_000 + (i * 137), 800 + (i * 100), TaxInclusive: false)).ToList();
        await Send(manager, HttpMethod.Post, "/api/v1/products", JsonContent.Create<IReadOnlyList<ProductDto>>(products,
            TillSyncJsonContext.Default.IReadOnlyListProductDto));
        await Send(manager, HttpMethod.Post, "/api/v1/stock/receipts", JsonContent.Create(
            new StockReceiptRequest(products.Select(p => new StockReceiptLine(p.Sku, 100_000)).ToList(), Note: "bench opening stock"),
            TillSyncJsonContext.Default.StockReceiptRequest));
        var tills = new List<TillEnrolmentResult>();
        for (var i = 0; i < settings.Tills; i++)
        {
            var response = await Send(manager, HttpMethod.Post, "/api/v1/tills",
                JsonContent.Create(new TillEnrolmentRequest($"Bench till {i + 1}"), TillSyncJsonContext.Default.TillEnrolmentRequest));
            tills.Add((await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillEnrolmentResult))!);
        }

        return tills;
    }

    private static List<byte[]> BuildBatches(TillEnrolmentResult till, IngestSettings settings)
    {
        var random = new Random((int)till.TillId);
        var createdAt = DateTimeOffset.UtcNow.AddHours(-1);
        var orders = new List<OrderDto>(settings.OrdersPerTill);
        for (var seq = 1L; seq <= settings.OrdersPerTill; seq++)
        {
            var lines = Enumerable.Range(0, settings.LinesPerOrder).Select(_ =>
            {
                var n = random.Next(1, 51);
                return new OrderLineDto(string.Create(CultureInfo.InvariantCulture, $"SKU-{n:D3}"), random.Next(1, 4), 1_000 + (n * 137), 0,
                    GstRatesBp[n % 5]);
            }).ToList();
            var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(lines), SupplyKind.IntraState));
            orders.Add(new OrderDto(Guid.CreateVersion7(), seq, BillNumber.Format(till.BillPrefix, createdAt, seq), createdAt, lines,
                [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals));
        }

        return orders.Chunk(settings.BatchSize)
            .Select(chunk => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new SyncRequest(chunk), TillSyncJsonContext.Default.SyncRequest))
            .ToList();
    }

    private static async Task<RunFigures> SendAllAsync(
        HttpClient http, List<TillEnrolmentResult> tills, List<List<byte[]>> batches, SyncStatus expected)
    {
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        var perTill = await Task.WhenAll(tills.Select((till, i) => SendTillAsync(http, till, batches[i], expected)));
        clock.Stop();
        foreach (var l in perTill)
        {
            latencies.AddRange(l);
        }

        return new RunFigures(clock.Elapsed, latencies);
    }

    private static async Task<List<double>> SendTillAsync(HttpClient http, TillEnrolmentResult till, List<byte[]> batches, SyncStatus expected)
    {
        var latencies = new List<double>(batches.Count);
        foreach (var body in batches)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", till.Token);
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var reply = await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.SyncResponse);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var wrong = reply!.Results.FirstOrDefault(r => r.Status != expected);
            if (wrong is not null)
            {
                throw new InvalidOperationException($"expected {expected}, got {wrong.Status} {wrong.Reason} {wrong.Detail}");
            }
        }

        return latencies;
    }

    private static void Report(IngestSettings settings, RunFigures ingest, RunFigures replay, (TimeSpan Elapsed, List<double> Latencies, int Orders)? floor)
    {
        var total = settings.Tills * settings.OrdersPerTill;
        var store = settings.Postgres is null ? "SQLite" : "PostgreSQL";
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"machine: {Machine.Describe()}; load average at the end: {Machine.LoadAverage()}");
        output.AppendLine(CultureInfo.InvariantCulture,
            $"run: {store}, {settings.Tills} tills × {settings.OrdersPerTill} orders of {settings.LinesPerOrder} lines, batches of {settings.BatchSize}; replay after a {settings.SettleMs} ms pause");
        output.AppendLine("| phase | orders | seconds | orders/s | batch p50 ms | batch p99 ms |");
        output.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, figures) in new[] { ("ingest", ingest), ("duplicate replay", replay) })
        {
            output.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {total} | {figures.Elapsed.TotalSeconds:0.00} | {total / figures.Elapsed.TotalSeconds:0} | {figures.Percentile(50):0.0} | {figures.Percentile(99):0.0} |");
        }

        if (floor is { } f)
        {
            var raw = new RunFigures(f.Elapsed, f.Latencies);
            output.AppendLine(CultureInfo.InvariantCulture,
                $"| raw floor (same rows, no HTTP) | {f.Orders} | {f.Elapsed.TotalSeconds:0.00} | {f.Orders / f.Elapsed.TotalSeconds:0} | {raw.Percentile(50):0.0} | {raw.Percentile(99):0.0} |");
            output.AppendLine(CultureInfo.InvariantCulture,
                $"ingest / raw floor = {total / ingest.Elapsed.TotalSeconds / (f.Orders / f.Elapsed.TotalSeconds):0.00} (docs/performance.md: ≥ 0.50)");
        }

        Console.Write(output.ToString());
    }

    internal static HttpClient Authorised(HttpClient http, string token)
    {
        var client = new HttpClient { BaseAddress = http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    internal static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(IdempotencyKey.HeaderName, IdempotencyKey.HeaderValue(IdempotencyKey.New()));
        var response = await client.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private sealed record RunFigures(TimeSpan Elapsed, List<double> LatenciesMs)
    {
        public double Percentile(int p)
        {
            var sorted = LatenciesMs.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
        }
    }
}
