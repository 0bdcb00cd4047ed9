using Microsoft.AspNetCore.Http.HttpResults;
using TillSync.Contracts.Status;
using TillSync.Till.Catalog;
using TillSync.Till.Metrics;
using TillSync.Till.Outbox;
using TillSync.Till.Receipts;
using TillSync.Till.Sales;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;
using TillSync.Till.Storage;
using TillSync.Till.Sync;

namespace TillSync.Till.Web;

/// <summary>The local API of the cashier page (loopback only, the cashier's own machine).</summary>
public static class CashierEndpoints
{
    private const int SearchLimitMax = 100;

    /// <summary>Maps <c>/api/*</c>.</summary>
    public static void MapCashierEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/status", StatusAsync);
        api.MapGet("/products", SearchAsync);
        api.MapGet("/products/{code}", FindAsync);
        api.MapPost("/quote", QuoteAsync);
        api.MapPost("/sales", SellAsync);
        api.MapGet("/sales", (SaleReceipts sales, int? limit, long? before, string? q, CancellationToken ct) => RecentAsync(sales, limit, before, q, ct));
        api.MapGet("/documents", (DocumentOutbox outbox, int? limit, long? before, CancellationToken ct) => RecentDocumentsAsync(outbox, limit, before, ct));
        api.MapGet("/sales/{clientOrderId}/receipt", ReceiptAsync);
        api.MapGet("/receipts/{clientOrderId}/qr.svg", QrCodeAsync);
        api.MapGet("/receipts/{clientOrderId}/code.svg", ReceiptCodeAsync);
        api.MapGet("/attention", async (DocumentOutbox outbox, CancellationToken ct) => TypedResults.Ok(await outbox.AttentionAsync(ct)));
        api.MapPost("/sync-now", (SyncSignal signal) =>
        {
            signal.Wake();
            return TypedResults.Accepted("/api/status", new Dictionary<string, bool> { ["queued"] = true });
        });
        api.MapPut("/demo/link", SetDemoLinkAsync);
    }

    // The demo's switch on the link to HQ (tillsync demo only): cut (the till goes offline) or restored (the queue drains).
    private static async Task<IResult> SetDemoLinkAsync(HttpContext http, LinkSwitch link, SyncSignal signal)
    {
        if (!link.Switchable)
        {
            return LocalProblems.NotFound("This till's link to HQ has no switch: only the tills of `tillsync demo` have one.");
        }

        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.DemoLinkRequest);
        if (request is null)
        {
            return problem!;
        }

        if (request.Cut is not { } cut)
        {
            return LocalProblems.BadRequest("Send {\"cut\": true} to cut the link to HQ, or {\"cut\": false} to restore it.");
        }

        // Either way the agent tries at once, so that the page shows the till offline, or drains the queue, straight away.
        link.Set(cut);
        signal.Wake();

        return TypedResults.Ok(request);
    }

    /// <summary>The status the page and the operator command show.</summary>
    public static async Task<TillStatusView> StatusAsync(
        DocumentOutbox outbox, SnapshotStore snapshots, LinkState link, ReceiptKey receiptKey, ShiftRegister shifts, LinkSwitch linkSwitch, TimeProvider time,
        TillSync.Till.Chain.TillChain chain, CancellationToken ct)
    {
        var queue = await outbox.StateAsync(ct);
        var l = link.Current;
        var snapshot = snapshots.Current;
        return new TillStatusView(l.Online, queue.QueueDepth, queue.OldestUnsyncedAt, snapshot?.TakenAt, l.LastContactAt, l.LastOutcome,
            l.TroubleSince, l.RetryAt, queue.AttentionCount, snapshot?.TillName, snapshot?.BillPrefix, snapshot?.Store.Details, time.GetUtcNow(),
            l.Status.ToString().ToLowerInvariant(), receiptKey.Registration, ReleaseVersion.Current, shifts.Current is not null, shifts.Warning(time.GetUtcNow()),
            linkSwitch.Switchable ? linkSwitch.IsCut ? "cut" : "up" : null, chain.Problem);
    }

    // Products with their on-hand as this till knows it: the snapshot's less the sales since, its own and its peers' (TillStock).
    private static async Task<Ok<List<Contracts.Tills.SnapshotProduct>>> SearchAsync(
        SnapshotStore snapshots, TillStock stock, string? q, int? limit, CancellationToken ct)
    {
        var known = await stock.KnownSinceSnapshotAsync(ct);
        return TypedResults.Ok((await snapshots.SearchAsync(q, Math.Clamp(limit ?? 20, 1, SearchLimitMax), ct)).Select(p => TillStock.AsKnown(p, known)).ToList());
    }

    // A retired product scanned is answered with why it cannot be sold, so that the cashier reads that rather than "not found".
    private static async Task<IResult> FindAsync(SnapshotStore snapshots, TillStock stock, string code, CancellationToken ct)
    {
        if (await snapshots.FindAsync(code, ct) is not { } product)
        {
            return LocalProblems.NotFound($"No product with SKU or barcode '{(code.Length > 40 ? code[..40] : code)}'.");
        }

        return product.Retired
            ? LocalProblems.Gone(RetiredProducts.Refusal(product))
            : TypedResults.Ok(TillStock.AsKnown(product, await stock.KnownSinceSnapshotAsync(ct)));
    }

    private static async Task<IResult> QuoteAsync(
        HttpContext http, TillDatabase database, SnapshotStore snapshots, CashierSession cashiers, TillStock stock, TimeProvider time)
    {
        // Ringing up a cart is work: it keeps the cashier from being locked out for idling mid-sale.
        cashiers.Touch();
        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.QuoteRequest);
        if (request is null)
        {
            return problem!;
        }

        if (snapshots.Current is not { } snapshot)
        {
            return LocalProblems.BadRequest("This till has no catalogue yet: it must reach HQ once.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        await using var products = new ProductLookup(connection);
        var (quote, _, quoteProblem) = await QuoteBuilder.BuildAsync(
            products, null, snapshot, request.Lines, QuoteBuilder.Clean(request.Customer), time.GetUtcNow(), http.RequestAborted, request.BillDiscountPaise);
        if (quote is null)
        {
            return LocalProblems.BadRequest(quoteProblem!);
        }

        // The page asks for a supervisor's PIN before taking payment when the logged-in cashier's limits do not cover the cart.
        var needed = cashiers.Current() is { } cashier && quote.Markdowns is { } markdowns ? MarkdownLimits.Beyond(snapshot, markdowns, cashier.Role) : null;
        // More of a SKU than the till knows is in stock: the page warns, and sells if the cashier goes on.
        var movedBySku = await stock.KnownSinceSnapshotAsync(http.RequestAborted);
        var known = (await products.FindAllAsync(null, quote.Lines.Select(l => l.Sku), http.RequestAborted)).Values
            .ToDictionary(p => p.Sku, p => TillStock.AsKnown(p, movedBySku).OnHand, StringComparer.Ordinal);
        var warnings = TillStock.Warnings(quote.Lines.Select(l => (l.Sku, l.Name, l.Unit, l.Qty)), known);
        return TypedResults.Ok(quote with
        {
            ApprovalNeeded = needed is null ? null : $"{SaleRecorder.ApprovalNeeded}: {needed}.",
            StockWarnings = warnings.Count == 0 ? null : warnings,
        });
    }

    private static async Task<IResult> SellAsync(
        HttpContext http, SaleRecorder recorder, CashierSession cashiers, ShiftRegister shifts, SnapshotStore snapshots, StaffLogin login, TillMetrics metrics,
        TimeProvider time)
    {
        var started = time.GetTimestamp();
        if (StaffEndpoints.RequireCashier(cashiers, snapshots) is { } loginRequired)
        {
            return loginRequired;
        }

        if (ShiftEndpoints.RequireShift(shifts, snapshots) is { } shiftRequired)
        {
            return shiftRequired;
        }

        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.SaleRequest);
        if (request is null)
        {
            return problem!;
        }

        var (approver, refused) = await StaffEndpoints.ApproverAsync(login, request.Approval);
        if (refused is not null)
        {
            return refused;
        }

        // The cashier's click is not cancelled by a closed tab: once the sale starts it either commits or not.
        var (receipt, saleProblem) = await recorder.RecordAsync(request, CancellationToken.None, approver);
        metrics.SaleRecorded(time.GetElapsedTime(started), recorded: receipt is not null);
        return receipt is null
            ? LocalProblems.BadRequest(saleProblem!)
            : TypedResults.Created($"/api/sales/{receipt.ClientOrderId}/receipt", receipt);
    }

    private static async Task<Ok<List<SaleSummary>>> RecentAsync(SaleReceipts sales, int? limit, long? before, string? q, CancellationToken ct) =>
        TypedResults.Ok(await sales.RecentAsync(Math.Clamp(limit ?? 50, 1, 500), before, q, ct));

    private static async Task<Ok<List<DocumentSummary>>> RecentDocumentsAsync(DocumentOutbox outbox, int? limit, long? before, CancellationToken ct) =>
        TypedResults.Ok(await outbox.RecentAsync(Math.Clamp(limit ?? 50, 1, 500), before, ct));

    private static async Task<IResult> ReceiptAsync(SaleReceipts sales, string clientOrderId, CancellationToken ct)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return LocalProblems.BadRequest("That is not a sale id.");
        }

        return await sales.ReceiptAsync(id, ct) is { } receipt ? TypedResults.Ok(receipt) : LocalProblems.NotFound("No sale with that id on this till.");
    }

    // The signed e-invoice QR of a registered B2B sale, drawn by the till (the receipt shows it as an <img>).
    private static async Task<IResult> QrCodeAsync(SaleReceipts sales, string clientOrderId, CancellationToken ct)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return LocalProblems.BadRequest("That is not a sale id.");
        }

        return await sales.ReceiptAsync(id, ct) is { Irn.SignedQr: { } signedQr }
            ? TypedResults.Text(ReceiptQrCode.Svg(signedQr), "image/svg+xml")
            : LocalProblems.NotFound("No registered e-invoice for that sale on this till yet.");
    }

    // The till's own signed receipt code, for returns at any till of the store, drawn the same way.
    private static async Task<IResult> ReceiptCodeAsync(SaleReceipts sales, string clientOrderId, CancellationToken ct)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return LocalProblems.BadRequest("That is not a sale id.");
        }

        return await sales.ReceiptAsync(id, ct) is { ReceiptCode: { } code }
            ? TypedResults.Text(ReceiptQrCode.Svg(code), "image/svg+xml")
            : LocalProblems.NotFound("That sale has no receipt code on this till.");
    }
}
