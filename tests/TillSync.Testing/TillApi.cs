// The till's local API (the cashier page's contract, .notes/till-api-spec.md) as typed calls that assert the documented
// status, so that tests read as a cashier's steps: sell, reprint, look at the status bar, ask for a sync now.
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Contracts.Documents;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Web;

namespace TillSync.Testing;

/// <summary>A client of one running till (a child process or in-process).</summary>
public sealed class TillApi : IDisposable
{
    private static TillJsonContext Json => TillJsonContext.Default;

    private readonly HttpClient http;
    private readonly IServerOutput server;

    /// <summary>A client of the till at <paramref name="baseAddress"/>; failures show <paramref name="server"/>'s output.</summary>
    public TillApi(Uri baseAddress, IServerOutput server)
    {
        http = new HttpClient { BaseAddress = baseAddress, Timeout = Patience.Request };
        this.server = server;
    }

    /// <summary>Where the till listens.</summary>
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary><c>GET /api/status</c>.</summary>
    public async Task<TillStatusView> StatusAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/status", UriKind.Relative)), HttpStatusCode.OK, Json.TillStatusView, server);

    /// <summary><c>POST /api/sales</c> with any JSON text, the seeded cashier logged in.</summary>
    public async Task<HttpResponseMessage> PostSaleJsonAsync(string json)
    {
        await LogInSeededCashierAsync();
        return await http.PostAsync(new Uri("/api/sales", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
    }

    /// <summary><c>POST /api/sales</c>, the seeded cashier logged in.</summary>
    public async Task<HttpResponseMessage> PostSaleAsync(SaleRequest sale)
    {
        await LogInSeededCashierAsync();
        return await http.PostAsync(new Uri("/api/sales", UriKind.Relative), JsonContent.Create(sale, Json.SaleRequest));
    }

    /// <summary>The float the harnesses open a shift with: ₹2,000 as four ₹500 notes.</summary>
    public static IReadOnlyList<DenominationCountDto> SeededFloat { get; } = [new(50_000, 4)];

    /// <summary>The harnesses' one login: unless someone is logged in, logs in <see cref="SeededStaff.Cashier"/> when the
    /// till's staff list (from its snapshot) has them; then, unless a shift is open, opens one with
    /// <see cref="SeededFloat"/> (its <c>shift_open</c> takes a <c>tillSeq</c> before the first sale). A till with no
    /// snapshot has no staff: it is left as it is, and answers a document with its own problem ("no catalogue yet"); so is a
    /// till of a release before staff (the upgrade tests run one), which has no login and answers 404, and one before
    /// shifts, which answers 404 to <c>/api/shift</c>.</summary>
    public async Task LogInSeededCashierAsync()
    {
        using var session = await http.GetAsync(new Uri("/api/session", UriKind.Relative));
        if (session.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        if ((await Responses.ExpectAsync(session, HttpStatusCode.OK, Json.SessionView, server)).Cashier is null)
        {
            if ((await StaffAsync()).FirstOrDefault(s => s.Name == SeededStaff.Cashier.Name) is not { } cashier)
            {
                return;
            }

            await LogInAsync(cashier.StaffId, SeededStaff.Cashier.Pin!);
        }

        using var shift = await http.GetAsync(new Uri("/api/shift", UriKind.Relative));
        if (shift.StatusCode == HttpStatusCode.NotFound || (await Responses.ExpectAsync(shift, HttpStatusCode.OK, Json.ShiftState, server)).Shift is not null)
        {
            return;
        }

        // Tests that sell from several tasks at once each get here: one opens the shift, the others are told one is open.
        using var opened = await OpenShiftRawAsync(new OpenShiftRequest(Guid.CreateVersion7(), SeededFloat));
        if (opened.StatusCode != HttpStatusCode.Conflict || (await ShiftAsync()).Shift is null)
        {
            await Responses.ExpectStatusAsync(opened, HttpStatusCode.Created, server);
        }
    }

    /// <summary><c>GET /api/shift</c>.</summary>
    public async Task<ShiftState> ShiftAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/shift", UriKind.Relative)), HttpStatusCode.OK, Json.ShiftState, server);

    /// <summary><c>POST /api/shift/open</c> as it answers.</summary>
    public Task<HttpResponseMessage> OpenShiftRawAsync(OpenShiftRequest request) =>
        http.PostAsync(new Uri("/api/shift/open", UriKind.Relative), JsonContent.Create(request, Json.OpenShiftRequest));

    /// <summary>Opens a shift, asserting 201.</summary>
    public async Task<ShiftState> OpenShiftAsync(OpenShiftRequest request) =>
        await Responses.ExpectAsync(await OpenShiftRawAsync(request), HttpStatusCode.Created, Json.ShiftState, server);

    /// <summary><c>POST /api/shift/cash</c> as it answers.</summary>
    public Task<HttpResponseMessage> MoveCashRawAsync(CashMovementRequest request) =>
        http.PostAsync(new Uri("/api/shift/cash", UriKind.Relative), JsonContent.Create(request, Json.CashMovementRequest));

    /// <summary>Records a cash movement, asserting 201.</summary>
    public async Task<CashMovementView> MoveCashAsync(CashMovementRequest request) =>
        await Responses.ExpectAsync(await MoveCashRawAsync(request), HttpStatusCode.Created, Json.CashMovementView, server);

    /// <summary><c>GET /api/shift/report</c>: the X report.</summary>
    public async Task<ShiftReport> XReportAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/shift/report", UriKind.Relative)), HttpStatusCode.OK, Json.ShiftReport, server);

    /// <summary><c>POST /api/shift/close</c> as it answers.</summary>
    public Task<HttpResponseMessage> CloseShiftRawAsync(CloseShiftRequest request) =>
        http.PostAsync(new Uri("/api/shift/close", UriKind.Relative), JsonContent.Create(request, Json.CloseShiftRequest));

    /// <summary>Closes the shift, asserting 201 with its Z report.</summary>
    public async Task<ShiftReport> CloseShiftAsync(CloseShiftRequest request) =>
        await Responses.ExpectAsync(await CloseShiftRawAsync(request), HttpStatusCode.Created, Json.ShiftReport, server);

    /// <summary><c>GET /api/shifts/{id}/z</c>.</summary>
    public async Task<ShiftReport> ZReportAsync(Guid shiftId) =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri($"/api/shifts/{shiftId}/z", UriKind.Relative)), HttpStatusCode.OK, Json.ShiftReport, server);

    /// <summary><c>POST /api/parked</c> as it answers.</summary>
    public Task<HttpResponseMessage> ParkRawAsync(TillSync.Till.Parking.ParkRequest request) =>
        http.PostAsync(new Uri("/api/parked", UriKind.Relative), JsonContent.Create(request, Json.ParkRequest));

    /// <summary>Parks a cart, asserting 201.</summary>
    public async Task<TillSync.Till.Parking.ParkedCart> ParkAsync(TillSync.Till.Parking.ParkRequest request) =>
        await Responses.ExpectAsync(await ParkRawAsync(request), HttpStatusCode.Created, Json.ParkedCart, server);

    /// <summary><c>GET /api/parked</c>: the carts still parked.</summary>
    public async Task<IReadOnlyList<TillSync.Till.Parking.ParkedCart>> ParkedAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/parked", UriKind.Relative)), HttpStatusCode.OK, Json.IReadOnlyListParkedCart, server);

    /// <summary><c>POST /api/parked/{id}/resume</c> as it answers.</summary>
    public Task<HttpResponseMessage> ResumeRawAsync(Guid parkId) =>
        http.PostAsync(new Uri($"/api/parked/{parkId}/resume", UriKind.Relative), JsonContent.Create(new Dictionary<string, string>()));

    /// <summary><c>GET /api/session</c>.</summary>
    public async Task<SessionView> SessionAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/session", UriKind.Relative)), HttpStatusCode.OK, Json.SessionView, server);

    /// <summary><c>GET /api/staff</c>: the store's staff as the till knows them.</summary>
    public async Task<List<StaffListing>> StaffAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/staff", UriKind.Relative)), HttpStatusCode.OK, Json.ListStaffListing, server);

    /// <summary><c>POST /api/session</c> as it answers.</summary>
    public Task<HttpResponseMessage> LogInRawAsync(long staffId, string pin) =>
        http.PostAsync(new Uri("/api/session", UriKind.Relative), JsonContent.Create(new LoginRequest(staffId, pin), Json.LoginRequest));

    /// <summary>Logs in, asserting 200.</summary>
    public async Task<SessionView> LogInAsync(long staffId, string pin) =>
        await Responses.ExpectAsync(await LogInRawAsync(staffId, pin), HttpStatusCode.OK, Json.SessionView, server);

    /// <summary><c>POST /api/session/lock</c>: logs out.</summary>
    public async Task LockAsync() =>
        await Responses.ExpectAsync(await http.PostAsync(new Uri("/api/session/lock", UriKind.Relative), JsonContent.Create(new Dictionary<string, string>())),
            HttpStatusCode.OK, Json.SessionView, server);

    /// <summary><c>POST /api/staff/{id}/unlock</c> as it answers.</summary>
    public Task<HttpResponseMessage> UnlockRawAsync(long staffId, long supervisorId, string pin) =>
        http.PostAsync(new Uri($"/api/staff/{staffId}/unlock", UriKind.Relative), JsonContent.Create(new UnlockRequest(supervisorId, pin), Json.UnlockRequest));

    /// <summary><c>POST /api/sales</c> without logging anyone in first.</summary>
    public Task<HttpResponseMessage> PostSaleWithoutLoginAsync(SaleRequest sale) =>
        http.PostAsync(new Uri("/api/sales", UriKind.Relative), JsonContent.Create(sale, Json.SaleRequest));

    /// <summary>Sells and asserts 201 with a receipt and its location.</summary>
    public async Task<Receipt> SellAsync(SaleRequest sale)
    {
        var response = await PostSaleAsync(sale);
        var receipt = await Responses.ExpectAsync(response, HttpStatusCode.Created, Json.Receipt, server);
        Assert.Equal($"/api/sales/{receipt.ClientOrderId}/receipt", response.Headers.Location?.OriginalString);
        return receipt;
    }

    /// <summary><c>POST /api/returns</c>, asserting 201 with the credit note.</summary>
    public async Task<TillSync.Till.Returns.CreditNote> ReturnAsync(TillSync.Till.Returns.ReturnRequest request)
    {
        await LogInSeededCashierAsync();
        return await Responses.ExpectAsync(await http.PostAsync(new Uri("/api/returns", UriKind.Relative), JsonContent.Create(request, Json.ReturnRequest)),
            HttpStatusCode.Created, Json.CreditNote, server);
    }

    /// <summary><c>GET /api/returns/{documentId}/credit-note</c>, the reprint, asserting 200.</summary>
    public async Task<TillSync.Till.Returns.CreditNote> CreditNoteAsync(Guid documentId) =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri($"/api/returns/{documentId}/credit-note", UriKind.Relative)),
            HttpStatusCode.OK, Json.CreditNote, server);

    /// <summary>Asserts a 400 problem and returns its detail.</summary>
    public async Task<string> SellExpectingProblemAsync(SaleRequest sale) =>
        await Responses.ExpectProblemAsync(await PostSaleAsync(sale), HttpStatusCode.BadRequest, server);

    /// <summary><c>POST /api/quote</c>.</summary>
    public async Task<Quote> QuoteAsync(QuoteRequest quote) =>
        await Responses.ExpectAsync(
            await http.PostAsync(new Uri("/api/quote", UriKind.Relative), JsonContent.Create(quote, Json.QuoteRequest)), HttpStatusCode.OK, Json.Quote, server);

    /// <summary><c>GET /api/sales?limit=&amp;before=</c>, newest first.</summary>
    public async Task<List<SaleSummary>> SalesAsync(int limit = 50, long? beforeSeq = null) =>
        await Responses.ExpectAsync(
            await http.GetAsync(new Uri(beforeSeq is { } before ? $"/api/sales?limit={limit}&before={before}" : $"/api/sales?limit={limit}", UriKind.Relative)),
            HttpStatusCode.OK, Json.ListSaleSummary, server);

    /// <summary>Every sale the till holds, oldest first, following the listing's pages.</summary>
    public async Task<List<SaleSummary>> AllSalesAsync()
    {
        var sales = new List<SaleSummary>();
        for (var page = 0; page < 1_000; page++)
        {
            var next = await SalesAsync(500, sales.Count == 0 ? null : sales[^1].TillSeq);
            if (next.Count == 0)
            {
                sales.Reverse();
                return sales;
            }

            sales.AddRange(next);
        }

        throw new InvalidOperationException("GET /api/sales never ended.");
    }

    /// <summary><c>GET /api/sales/{id}/receipt</c>.</summary>
    public async Task<Receipt> ReceiptAsync(Guid clientOrderId) =>
        await Responses.ExpectAsync(await GetReceiptRawAsync(clientOrderId), HttpStatusCode.OK, Json.Receipt, server);

    /// <summary>The receipt as a JSON tree, for comparing a reprint with the original field by field.</summary>
    public async Task<JsonNode> ReceiptJsonAsync(Guid clientOrderId)
    {
        var response = await GetReceiptRawAsync(clientOrderId);
        await Responses.ExpectStatusAsync(response, HttpStatusCode.OK, server);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary><c>GET /api/sales/{id}/receipt</c>, any answer.</summary>
    public Task<HttpResponseMessage> GetReceiptRawAsync(Guid clientOrderId) =>
        http.GetAsync(new Uri($"/api/sales/{clientOrderId}/receipt", UriKind.Relative));

    /// <summary><c>GET /api/attention</c>.</summary>
    public async Task<List<AttentionItem>> AttentionAsync() =>
        await Responses.ExpectAsync(await http.GetAsync(new Uri("/api/attention", UriKind.Relative)), HttpStatusCode.OK, Json.ListAttentionItem, server);

    /// <summary><c>POST /api/sync-now</c>; asserts 202.</summary>
    public async Task SyncNowAsync()
    {
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/sync-now", UriKind.Relative), body);
        await Responses.ExpectStatusAsync(response, HttpStatusCode.Accepted, server);
    }

    /// <summary>Waits until the till holds a catalogue snapshot and its last contact with HQ succeeded.</summary>
    public Task<TillStatusView> WaitOnlineAsync(TimeSpan? timeout = null, Func<Task>? betweenPolls = null) =>
        WaitStatusAsync(s => s is { Online: true, SnapshotTakenAt: not null }, "the till to be online with a snapshot", timeout, betweenPolls);

    /// <summary>Waits until no sale is waiting for HQ.</summary>
    public Task<TillStatusView> WaitDrainedAsync(TimeSpan? timeout = null, Func<Task>? betweenPolls = null) =>
        WaitStatusAsync(s => s.QueueDepth == 0, "the till's queue to drain", timeout, betweenPolls);

    /// <summary>Polls <c>GET /api/status</c> until <paramref name="done"/> holds.</summary>
    public Task<TillStatusView> WaitStatusAsync(
        Func<TillStatusView, bool> done, string what, TimeSpan? timeout = null, Func<Task>? betweenPolls = null) =>
        Eventually.UntilAsync(StatusAsync, done, timeout ?? Patience.Exchanges, what, server, betweenPolls);

    /// <summary>The JSON the till's API uses.</summary>
    public static JsonSerializerOptions JsonOptions => Json.Options;

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
