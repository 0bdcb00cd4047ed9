// A real `tillsync hq` on a fixed loopback port chosen here, so that it can be killed and started again on the same
// port and data dir while a till keeps its --hq URL; plus the manager calls the browser tests need.
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Serialization.Metadata;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Documents;
using TillSync.Contracts.EInvoicing;
using TillSync.Contracts.Orders;
using TillSync.Contracts.Pricing;
using TillSync.Contracts.Returns;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Testing;
using Xunit.Sdk;

namespace TillSync.Browser.Tests.Harness;

/// <summary>One HQ process with its data dir and manager token. Dispose kills it and deletes the data dir.</summary>
public sealed class HqServer : IDisposable
{
    private const int PortAttempts = 5;

    private readonly ServerProcess process;
    private readonly HttpClient manager;

    private HqServer(ServerProcess process, string dataDir, string adminToken, Uri address)
    {
        this.process = process;
        DataDir = dataDir;
        AdminToken = adminToken;
        Address = address;
        manager = new HttpClient(new IdempotencyKeys()) { BaseAddress = address, Timeout = Patience.Request };
        manager.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    }

    private static TillSyncJsonContext Json => TillSyncJsonContext.Default;

    /// <summary>HQ's address; the same across <see cref="RestartAsync"/>.</summary>
    public Uri Address { get; }

    /// <summary>The manager token, for HQ's own pages.</summary>
    public string AdminToken { get; }

    /// <summary>Where HQ keeps hq.db; survives <see cref="KillHard"/>.</summary>
    public string DataDir { get; }

    /// <summary>Starts HQ on a free loopback port with a fresh data dir and a random manager token; with
    /// <paramref name="irp"/>, HQ registers B2B bills with that IRP, signing in as it says (<c>--irp-url</c>, <c>--irp-*</c>
    /// through their environment twins).</summary>
    public static async Task<HqServer> StartAsync(string dataDir, IrpAccess? irp = null)
    {
        var adminToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        for (var attempt = 1; ; attempt++)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreeLoopbackPort()}");
            try
            {
                var process = await ServerProcess.StartAsync("hq", ["--urls", url, "--data", dataDir, "--log-loyalty-codes", "true",
                        "--pin-iterations", HqProcess.PinIterations.ToString(CultureInfo.InvariantCulture)],
                    new Dictionary<string, string>(irp?.Environment() ?? new Dictionary<string, string>(), StringComparer.Ordinal)
                    {
                        ["TILLSYNC_ADMIN_TOKEN"] = adminToken,
                    });
                return new HqServer(process, dataDir, adminToken, process.BaseAddress);
            }
            catch (InvalidOperationException) when (attempt < PortAttempts)
            {
                // Another process took the port between the probe and HQ's bind: pick another one.
            }
        }
    }

    /// <summary>Another HQ process on a copy of this one's data dir, as it is now, on a port of its own: what this HQ would
    /// be if it came back from this moment. This HQ must be stopped (<see cref="KillHard"/>), so that the copy is whole.</summary>
    public async Task<HqServer> StartCopyAsync()
    {
        if (process.IsRunning)
        {
            throw new InvalidOperationException("Stop HQ before copying its data dir: a running HQ may be writing it.");
        }

        var copy = TempDirs.Create("hq-copy");
        foreach (var file in Directory.EnumerateFiles(DataDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(DataDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        try
        {
            return await StartAsync(copy);
        }
        catch
        {
            TempDirs.Delete(copy);
            throw;
        }
    }

    /// <summary>Kills HQ with SIGKILL: to the till this is the link to HQ going down.</summary>
    public void KillHard() => process.KillHard();

    /// <summary>Starts HQ again on the same port and data dir.</summary>
    public async Task RestartAsync()
    {
        await process.RestartAsync();
        if (process.BaseAddress != Address)
        {
            throw new InvalidOperationException($"HQ came back on {process.BaseAddress}, not {Address}.");
        }
    }

    /// <summary>HQ's recent output, for failure messages.</summary>
    public string Output(int lastLines = 60) => process.Output(lastLines);

    /// <summary>Configures the store, the catalogue and opening stock of <see cref="Shop"/>.</summary>
    public async Task SetUpShopAsync()
    {
        await SendAsync(HttpMethod.Put, "/api/v1/store", JsonContent.Create(Shop.Store, Json.StoreDto), HttpStatusCode.OK, Json.StoreView);
        foreach (var staff in SeededStaff.All)
        {
            await SendAsync(HttpMethod.Post, "/api/v1/staff", JsonContent.Create(staff, Json.StaffDto), HttpStatusCode.Created, Json.StaffView);
        }
        await SendAsync(HttpMethod.Post, "/api/v1/products", JsonContent.Create(Shop.Products, Json.IReadOnlyListProductDto),
            HttpStatusCode.OK, Json.ProductUpsertResult);
        var opening = new StockReceiptRequest([.. Shop.Products.Select(p => new StockReceiptLine(p.Sku, Shop.OpeningStock))], Note: "opening stock");
        await SendAsync(HttpMethod.Post, "/api/v1/stock/receipts", JsonContent.Create(opening, Json.StockReceiptRequest),
            HttpStatusCode.Created, Json.StockReceiptView);
    }

    /// <summary>Creates a promotion (<c>POST /api/v1/promotions</c>).</summary>
    public Task<PromotionDto> CreatePromotionAsync(PromotionRequest promotion) =>
        SendAsync(HttpMethod.Post, "/api/v1/promotions", JsonContent.Create(promotion, Json.PromotionRequest), HttpStatusCode.Created, Json.PromotionDto);

    /// <summary>Enrols a till and returns its id, token and bill prefix.</summary>
    public Task<TillEnrolmentResult> EnrolTillAsync(string name) =>
        SendAsync(HttpMethod.Post, "/api/v1/tills", JsonContent.Create(new TillEnrolmentRequest(name), Json.TillEnrolmentRequest),
            HttpStatusCode.Created, Json.TillEnrolmentResult);

    /// <summary>GET /api/v1/einvoices/{clientOrderId}: the bill's e-invoice as HQ holds it.</summary>
    public Task<EInvoiceView> EInvoiceAsync(Guid clientOrderId) =>
        SendAsync(HttpMethod.Get, $"/api/v1/einvoices/{clientOrderId}", null, HttpStatusCode.OK, Json.EInvoiceView);

    /// <summary>Every order HQ holds for the till, in HQ's commit order, following <c>nextAfter</c> to the end.</summary>
    public async Task<IReadOnlyList<OrderView>> OrdersAsync(long tillId)
    {
        var all = new List<OrderView>();
        long? after = null;
        for (var page = 0; page < 100; page++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"/api/v1/orders?tillId={tillId}&limit=500")
                + (after is { } cursor ? string.Create(CultureInfo.InvariantCulture, $"&after={cursor}") : "");
            var orders = await SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK, Json.OrderPage);
            all.AddRange(orders.Orders);
            if (orders.NextAfter is null || orders.Orders.Count == 0)
            {
                return all;
            }

            after = orders.NextAfter;
        }

        throw new XunitException("GET /api/v1/orders never ended.");
    }

    /// <summary>GET /api/v1/orders/{clientOrderId}: the sale with its credit notes and what is still returnable.</summary>
    public Task<OrderView> OrderAsync(Guid clientOrderId) =>
        SendAsync(HttpMethod.Get, $"/api/v1/orders/{clientOrderId}", null, HttpStatusCode.OK, Json.OrderView);

    /// <summary>The first page of the till's credit notes (<c>GET /api/v1/credit-notes?tillId=</c>).</summary>
    public async Task<IReadOnlyList<CreditNoteView>> CreditNotesAsync(long tillId) =>
        (await SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/v1/credit-notes?tillId={tillId}&limit=500"), null,
            HttpStatusCode.OK, Json.CreditNotePage)).CreditNotes;

    /// <summary>GET /api/v1/store-credit?code=: a store credit voucher's balance and history; null while HQ has never seen
    /// the voucher (404).</summary>
    public async Task<StoreCreditVoucherView?> StoreCreditAsync(string code)
    {
        var path = $"/api/v1/store-credit?code={Uri.EscapeDataString(code)}";
        using (var probe = await manager.GetAsync(new Uri(path, UriKind.Relative)))
        {
            if (probe.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        return await SendAsync(HttpMethod.Get, path, null, HttpStatusCode.OK, Json.StoreCreditVoucherView);
    }

    /// <summary>The first page of a SKU's stock movements in the default store, oldest first.</summary>
    public Task<StockMovementPage> MovementsAsync(string sku) =>
        SendAsync(HttpMethod.Get, $"/api/v1/stock/{Uri.EscapeDataString(sku)}/movements?limit=500", null, HttpStatusCode.OK, Json.StockMovementPage);

    /// <summary>GET /api/v1/shifts?tillId=: the till's shifts as HQ holds them, with its own count beside the till's.</summary>
    public Task<IReadOnlyList<ShiftView>> ShiftsAsync(long tillId) =>
        SendAsync(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/v1/shifts?tillId={tillId}"), null, HttpStatusCode.OK,
            Json.IReadOnlyListShiftView);

    /// <summary>GET /api/v1/tills: every till with the <c>tillSeq</c> HQ expects next from it.</summary>
    public Task<IReadOnlyList<TillView>> TillsAsync() =>
        SendAsync(HttpMethod.Get, "/api/v1/tills", null, HttpStatusCode.OK, Json.IReadOnlyListTillView);

    /// <summary>The first page of the journal, in posting order.</summary>
    public async Task<IReadOnlyList<JournalEntryView>> JournalAsync() =>
        (await SendAsync(HttpMethod.Get, "/api/v1/ledger/journal?after=0&limit=1000", null, HttpStatusCode.OK, Json.JournalPage)).Entries;

    public Task<TrialBalanceView> TrialBalanceAsync() =>
        SendAsync(HttpMethod.Get, "/api/v1/ledger/trial-balance", null, HttpStatusCode.OK, Json.TrialBalanceView);

    public Task<GstSummaryView> GstSummaryAsync() =>
        SendAsync(HttpMethod.Get, "/api/v1/ledger/gst-summary", null, HttpStatusCode.OK, Json.GstSummaryView);

    /// <summary>The whole journal in hledger's format, as <c>tillsync ledger export</c> writes it.</summary>
    public async Task<string> HledgerJournalAsync()
    {
        using var response = await manager.GetAsync(new Uri("/api/v1/ledger/journal?format=hledger", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new XunitException($"GET the hledger journal: expected 200, got {(int)response.StatusCode}:\n{body}");
        }

        return body;
    }

    public void Dispose()
    {
        process.Dispose();
        manager.Dispose();
        TempDirs.Delete(DataDir);
    }

    /// <summary>Syncs orders as the till whose token is given, as a till would after being offline.</summary>
    public Task<SyncResponse> SyncAsTillAsync(string tillToken, IReadOnlyList<OrderDto> orders) =>
        SendAsync(HttpMethod.Post, "/api/v1/sync", JsonContent.Create(new SyncRequest(orders), Json.SyncRequest), HttpStatusCode.OK, Json.SyncResponse,
            tillToken);

    /// <summary>Syncs documents of any kind as the till whose token is given (<c>POST /api/v2/sync</c>).</summary>
    public Task<TillSync.Contracts.Documents.DocumentSyncResponse> SyncDocumentsAsTillAsync(
        string tillToken, IReadOnlyList<TillSync.Contracts.Documents.TillDocumentDto> documents) =>
        SendAsync(HttpMethod.Post, "/api/v2/sync", JsonContent.Create(new TillSync.Contracts.Documents.DocumentSyncRequest(documents), Json.DocumentSyncRequest),
            HttpStatusCode.OK, Json.DocumentSyncResponse, tillToken);

    /// <summary>A manager's stock adjustment.</summary>
    public Task<StockAdjustmentView> AdjustStockAsync(StockAdjustmentRequest adjustment) =>
        SendAsync(HttpMethod.Post, "/api/v1/stock/adjustments", JsonContent.Create(adjustment, Json.StockAdjustmentRequest), HttpStatusCode.Created,
            Json.StockAdjustmentView);

    /// <summary>The open review items, oldest first (<c>GET /api/v1/reviews?status=open</c>, first page).</summary>
    public async Task<IReadOnlyList<ReviewItemView>> OpenReviewsAsync() =>
        (await SendAsync(HttpMethod.Get, "/api/v1/reviews?status=open&order=oldest&limit=200", null, HttpStatusCode.OK, Json.ReviewPage)).Items;

    /// <summary>On-hand of one SKU in the default store, or in <paramref name="storeId"/>.</summary>
    public async Task<decimal> OnHandAsync(string sku, long? storeId = null) =>
        (await SendAsync(HttpMethod.Get, $"/api/v1/stock/{Uri.EscapeDataString(sku)}{(storeId is null ? "" : $"?storeId={storeId.Value.ToString(CultureInfo.InvariantCulture)}")}",
            null, HttpStatusCode.OK, Json.StockLevel)).OnHand;

    /// <summary>The chain's loyalty settings.</summary>
    public Task<TillSync.Contracts.Loyalty.LoyaltySettingsDto> LoyaltySettingsAsync() =>
        SendAsync(HttpMethod.Get, "/api/v1/loyalty/settings", null, HttpStatusCode.OK, Json.LoyaltySettingsDto);

    /// <summary>The role limits in force (<c>GET /api/v1/role-limits</c>).</summary>
    public Task<IReadOnlyList<TillSync.Contracts.Pricing.RoleLimitDto>> RoleLimitsAsync() =>
        SendAsync(HttpMethod.Get, "/api/v1/role-limits", null, HttpStatusCode.OK, Json.IReadOnlyListRoleLimitDto);

    /// <summary>Adds a store beside the default one.</summary>
    public Task<TillSync.Contracts.Stores.StoreView> AddStoreAsync(TillSync.Contracts.Stores.StoreDto store) =>
        SendAsync(HttpMethod.Post, "/api/v1/stores", JsonContent.Create(store, Json.StoreDto), HttpStatusCode.Created, Json.StoreView);

    /// <summary>Adds or changes products (<c>POST /api/v1/products</c>).</summary>
    public Task<TillSync.Contracts.Catalog.ProductUpsertResult> UpsertProductsAsync(IReadOnlyList<TillSync.Contracts.Catalog.ProductDto> products) =>
        SendAsync(HttpMethod.Post, "/api/v1/products", JsonContent.Create(products, Json.IReadOnlyListProductDto), HttpStatusCode.OK, Json.ProductUpsertResult);

    /// <summary>The catalogue (<c>GET /api/v1/products</c>).</summary>
    public Task<IReadOnlyList<TillSync.Contracts.Catalog.ProductDto>> ProductsAsync() =>
        SendAsync(HttpMethod.Get, "/api/v1/products", null, HttpStatusCode.OK, Json.IReadOnlyListProductDto);

    /// <summary>What HQ answers a till asking for its snapshot with <paramref name="tillToken"/>: 200 for a till token that
    /// stands, 401 for a revoked one.</summary>
    public async Task<HttpStatusCode> TillTokenStatusAsync(string tillToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/till/snapshot", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tillToken);
        using var response = await manager.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, HttpStatusCode expected, JsonTypeInfo<T> type, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        using var response = await manager.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new XunitException($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}:\n{body}\n--- HQ output ---\n{Output(40)}");
        }

        return System.Text.Json.JsonSerializer.Deserialize(body, type)
            ?? throw new XunitException($"{method} {path}: expected a {typeof(T).Name}, got null.");
    }

    /// <summary>A loopback port free at the time of asking (another process may take it before the caller binds it).</summary>
    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
