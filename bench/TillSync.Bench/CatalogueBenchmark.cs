using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TillSync.Contracts;
using TillSync.Contracts.Catalog;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Stores;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Core.Orders;
using TillSync.Core.Tax;
using TillSync.Till.Sales;

namespace TillSync.Bench;

/// <summary>Bytes per till per hour for the catalogue (issue 21 item 6; docs/sync.md, "The catalogue by delta"): a real
/// HQ with <c>--skus</c> products; one till fetches every 5 minutes for an hour of simulated trading — the whole snapshot
/// as before, or the changes since the version it holds — while HQ takes <c>--price-changes-per-day</c> price changes
/// (over a 12-hour trading day) and the store's other tills sell <c>--lines-per-hour</c> lines. Each fetch is made three
/// times, uncompressed, gzip and brotli, and its body bytes counted as they came off the wire (the client does not
/// decompress); the head is counted as HTTP/1.1 would send it.</summary>
internal static class CatalogueBenchmark
{
    private const int FetchesPerHour = 12;
    private const int TradingHoursPerDay = 12;
    private const int LinesPerOrder = 4;
    private static readonly string[] Encodings = ["identity", "gzip", "br"];

    public static async Task<int> RunAsync(string[] options)
    {
        var skus = Option(options, "--skus", 50_000);
        var priceChangesPerDay = Option(options, "--price-changes-per-day", 300);
        var linesPerHour = Option(options, "--lines-per-hour", 1_200);
        var dataDir = Path.Combine(Path.GetTempPath(), "tillsync-bench", Guid.CreateVersion7().ToString("N"));
        await using var hq = await HqChild.StartAsync(dataDir, IngestBenchmark.AdminToken, null);
        // No client here decompresses: the bytes counted are those on the wire.
        using var http = new HttpClient { BaseAddress = hq.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var (measured, other) = await SetUpAsync(http, skus);
        using var till = IngestBenchmark.Authorised(http, measured.Token);
        using var seller = IngestBenchmark.Authorised(http, other.Token);

        var whole = new long[Encodings.Length];
        var delta = new long[Encodings.Length];
        var version = (await FetchAsync(till, "/api/v1/till/snapshot", "identity")).Version!;
        var random = new Random(21);
        var priceChangesPerFetch = (double)priceChangesPerDay / TradingHoursPerDay / FetchesPerHour;
        var owed = 0.0;
        var seq = 0L;
        var notModified = 0;
        for (var fetch = 0; fetch < FetchesPerHour; fetch++)
        {
            owed += priceChangesPerFetch;
            var changes = (int)owed;
            owed -= changes;
            if (changes > 0)
            {
                await ChangePricesAsync(http, random, skus, changes);
            }

            seq = await SellAsync(seller, other, random, skus, seq, linesPerHour / FetchesPerHour);
            string? next = null;
            for (var e = 0; e < Encodings.Length; e++)
            {
                whole[e] += (await MeasureAsync(till, "/api/v1/till/snapshot", Encodings[e])).Bytes;
                var (bytes, body, status) = await MeasureAsync(till, $"/api/v1/till/snapshot/changes?since={Uri.EscapeDataString(version)}", Encodings[e]);
                delta[e] += bytes;
                notModified += status == HttpStatusCode.NotModified && e == 0 ? 1 : 0;
                next ??= status == HttpStatusCode.NotModified ? version : JsonSerializer.Deserialize(Decode(body, Encodings[e]), TillSyncJsonContext.Default.SnapshotChanges)!.Version;
            }

            version = next!;
        }

        Report(skus, priceChangesPerDay, linesPerHour, whole, delta, notModified);
        return 0;
    }

    private static async Task<(TillEnrolmentResult Measured, TillEnrolmentResult Other)> SetUpAsync(HttpClient http, int skus)
    {
        using var manager = IngestBenchmark.Authorised(http, IngestBenchmark.AdminToken);
        await IngestBenchmark.Send(manager, HttpMethod.Put, "/api/v1/store",
            JsonContent.Create(new StoreDto("29AABCH1234K1ZN", "Hello Retail Private Limited", "12, 100 Feet Road", "Bengaluru", 560038, "29"),
                TillSyncJsonContext.Default.StoreDto));
        foreach (var chunk in Enumerable.Range(0, skus).Select(Product).Chunk(Core.Limits.ProductUpsertMax))
        {
            await IngestBenchmark.Send(manager, HttpMethod.Post, "/api/v1/products", JsonContent.Create<IReadOnlyList<ProductDto>>(chunk, TillSyncJsonContext.Default.IReadOnlyListProductDto));
            foreach (var receipt in chunk.Chunk(1_000))
            {
                await IngestBenchmark.Send(manager, HttpMethod.Post, "/api/v1/stock/receipts", JsonContent.Create(
                    new StockReceiptRequest([.. receipt.Select(p => new StockReceiptLine(p.Sku, 1_000))], Note: "bench opening stock"),
                    TillSyncJsonContext.Default.StockReceiptRequest));
            }
        }

        var tills = new List<TillEnrolmentResult>();
        foreach (var name in (string[])["Measured till", "The store's other tills"])
        {
            var response = await IngestBenchmark.Send(manager, HttpMethod.Post, "/api/v1/tills",
                JsonContent.Create(new TillEnrolmentRequest(name), TillSyncJsonContext.Default.TillEnrolmentRequest));
            tills.Add((await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.TillEnrolmentResult))!);
        }

        return (tills[0], tills[1]);
    }

    // A supermarket's line: a name of 20-40 characters, an 8-digit HSN, an EAN-13, an MRP, prices inclusive of GST.
    private static ProductDto Product(int i) => new(
        string.Create(CultureInfo.InvariantCulture, $"SKU-{i:D6}"), string.Create(CultureInfo.InvariantCulture, $"Brand {i % 700} product {i} 500 g pack"),
        "19053100", "PCS", IngestBenchmark.GstRatesBp[i % 5], PricePaise(i, 0), 1_000 + (i % 5_000),
        string.Create(CultureInfo.InvariantCulture, $"890{i:D10}"), PricePaise(i, 0) + 500, TaxInclusive: true);

    private static long PricePaise(int i, int change) => 2_000 + (i % 9_000) + change;

    // Price changes land on the first half of the catalogue, sales on the second, so that no sale is priced off a change.
    private static async Task ChangePricesAsync(HttpClient http, Random random, int skus, int count)
    {
        using var manager = IngestBenchmark.Authorised(http, IngestBenchmark.AdminToken);
        var changed = Enumerable.Range(0, count).Select(_ => random.Next(0, skus / 2)).Distinct()
            .Select(i => Product(i) with { PricePaise = PricePaise(i, -random.Next(1, 400)) }).ToList();
        await IngestBenchmark.Send(manager, HttpMethod.Post, "/api/v1/products", JsonContent.Create<IReadOnlyList<ProductDto>>(changed, TillSyncJsonContext.Default.IReadOnlyListProductDto));
    }

    private static async Task<long> SellAsync(HttpClient seller, TillEnrolmentResult till, Random random, int skus, long seq, int lines)
    {
        var createdAt = DateTimeOffset.UtcNow;
        var orders = new List<OrderDto>();
        for (var sold = 0; sold < lines; sold += LinesPerOrder)
        {
            var orderLines = Enumerable.Range(0, LinesPerOrder).Select(_ => random.Next(skus / 2, skus))
                .Select(i => new OrderLineDto(Product(i).Sku, random.Next(1, 4), PricePaise(i, 0), 0, Product(i).GstRateBp, TaxInclusive: true, MrpPaise: PricePaise(i, 0) + 500))
                .ToList();
            var totals = SaleMapping.ToDto(OrderTotals.Compute(SaleMapping.ToCore(orderLines), SupplyKind.IntraState));
            seq++;
            orders.Add(new OrderDto(Guid.CreateVersion7(), seq, BillNumber.Format(till.BillPrefix, createdAt, seq), createdAt, orderLines,
                [new PaymentDto(PaymentMethods.Cash, totals.TotalPaise)], totals));
        }

        using var response = await seller.PostAsync(new Uri("/api/v1/sync", UriKind.Relative),
            JsonContent.Create(new SyncRequest(orders), TillSyncJsonContext.Default.SyncRequest));
        var reply = (await response.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.SyncResponse))!;
        if (reply.Results.Any(r => r.Status != SyncStatus.Created))
        {
            throw new InvalidOperationException($"a bench sale was not created: {reply.Results.First(r => r.Status != SyncStatus.Created)}");
        }

        return seq;
    }

    private static async Task<TillSnapshot> FetchAsync(HttpClient till, string path, string encoding)
    {
        var (_, body, _) = await MeasureAsync(till, path, encoding);
        return JsonSerializer.Deserialize(Decode(body, encoding), TillSyncJsonContext.Default.TillSnapshot)!;
    }

    // The body as it came off the wire and the head as HTTP/1.1 writes it: status line, headers, blank line.
    private static async Task<(long Bytes, byte[] Body, HttpStatusCode Status)> MeasureAsync(HttpClient till, string path, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await till.SendAsync(request);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        var head = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n{response.Headers}{response.Content.Headers}\r\n";
        return (Encoding.ASCII.GetByteCount(head) + body.LongLength, body, response.StatusCode);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
            "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
            _ => input,
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static void Report(int skus, int priceChangesPerDay, int linesPerHour, long[] whole, long[] delta, int notModified)
    {
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture, $"Catalogue by delta: {skus:N0} SKUs, {priceChangesPerDay} price changes a day over {TradingHoursPerDay} h, {linesPerHour:N0} lines sold an hour by the store's other tills, a fetch every 5 min ({notModified} of {FetchesPerHour} not modified)");
        output.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Describe()}; load {Machine.LoadAverage()}");
        output.AppendLine();
        output.AppendLine("| per till per hour | uncompressed | gzip | brotli |");
        output.AppendLine("| --- | ---: | ---: | ---: |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| whole snapshot every 5 min | {whole[0]:N0} B | {whole[1]:N0} B | {whole[2]:N0} B |");
        output.AppendLine(CultureInfo.InvariantCulture, $"| changes since the version held | {delta[0]:N0} B | {delta[1]:N0} B | {delta[2]:N0} B |");
        Console.Write(output.ToString());
    }

    private static int Option(string[] options, string name, int fallback)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
