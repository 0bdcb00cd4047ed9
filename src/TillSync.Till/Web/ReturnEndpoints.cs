using TillSync.Till.Returns;
using TillSync.Till.Shifts;
using TillSync.Till.Staff;

namespace TillSync.Till.Web;

/// <summary>The local API of the return and exchange flows (docs/returns.md, "At the till"): find the original sale, price
/// the return, record it (or an exchange), reprint a credit note.</summary>
public static class ReturnEndpoints
{
    /// <summary>Maps <c>/api/returns/*</c> and <c>/api/exchanges</c>.</summary>
    public static void MapReturnEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/returns/lookup", LookupAsync);
        api.MapPost("/returns/quote", QuoteAsync);
        api.MapPost("/returns", RecordAsync);
        api.MapPost("/exchanges", ExchangeAsync);
        api.MapGet("/returns/{documentId}/credit-note", CreditNoteAsync);
        api.MapGet("/returns/{documentId}/qr.svg", QrCodeAsync);
    }

    private static async Task<IResult> LookupAsync(HttpContext http, OriginalSales originals)
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.OriginalReference);
        if (request is null)
        {
            return problem!;
        }

        var (sale, lookupProblem) = await originals.FindAsync(request, http.RequestAborted);
        return sale is null ? LocalProblems.BadRequest(lookupProblem!) : TypedResults.Ok(sale);
    }

    private static async Task<IResult> QuoteAsync(HttpContext http, ReturnRecorder returns)
    {
        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.ReturnRequest);
        if (request is null)
        {
            return problem!;
        }

        var (quote, quoteProblem) = await returns.QuoteAsync(request, http.RequestAborted);
        return quote is null ? LocalProblems.BadRequest(quoteProblem!) : TypedResults.Ok(quote);
    }

    private static async Task<IResult> RecordAsync(HttpContext http, ReturnRecorder returns, CashierSession cashiers, ShiftRegister shifts, TillSync.Till.Catalog.SnapshotStore snapshots)
    {
        if (StaffEndpoints.RequireCashier(cashiers, snapshots) is { } loginRequired)
        {
            return loginRequired;
        }

        if (ShiftEndpoints.RequireShift(shifts, snapshots) is { } shiftRequired)
        {
            return shiftRequired;
        }

        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.ReturnRequest);
        if (request is null)
        {
            return problem!;
        }

        // As a sale: once it starts it either commits or not, whatever the tab does.
        var (creditNote, returnProblem) = await returns.RecordAsync(request, CancellationToken.None);
        return creditNote is null
            ? LocalProblems.BadRequest(returnProblem!)
            : TypedResults.Created($"/api/returns/{creditNote.DocumentId}/credit-note", creditNote);
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext http, ReturnRecorder returns, CashierSession cashiers, ShiftRegister shifts, TillSync.Till.Catalog.SnapshotStore snapshots, StaffLogin login)
    {
        if (StaffEndpoints.RequireCashier(cashiers, snapshots) is { } loginRequired)
        {
            return loginRequired;
        }

        if (ShiftEndpoints.RequireShift(shifts, snapshots) is { } shiftRequired)
        {
            return shiftRequired;
        }

        var (request, problem) = await LocalProblems.ReadAsync(http, TillJsonContext.Default.ExchangeRequest);
        if (request is null)
        {
            return problem!;
        }

        // The new sale's markdowns are held to the cashier's limits, or an approver's, as a sale's are (docs/pricing.md).
        var (approver, refused) = await StaffEndpoints.ApproverAsync(login, request.Sale.Approval);
        if (refused is not null)
        {
            return refused;
        }

        var (outcome, exchangeProblem) = await returns.ExchangeAsync(request, CancellationToken.None, approver);
        return outcome is null
            ? LocalProblems.BadRequest(exchangeProblem!)
            : TypedResults.Created($"/api/returns/{outcome.CreditNote.DocumentId}/credit-note", outcome);
    }

    private static async Task<IResult> CreditNoteAsync(CreditNotes creditNotes, string documentId, CancellationToken ct)
    {
        if (!Guid.TryParse(documentId, out var id))
        {
            return LocalProblems.BadRequest("That is not a return's id.");
        }

        return await creditNotes.FindAsync(id, ct) is { } creditNote
            ? TypedResults.Ok(creditNote)
            : LocalProblems.NotFound("No return with that id on this till.");
    }

    // A registered credit note's signed QR code, drawn as the sale receipt's is.
    private static async Task<IResult> QrCodeAsync(CreditNotes creditNotes, string documentId, CancellationToken ct)
    {
        if (!Guid.TryParse(documentId, out var id))
        {
            return LocalProblems.BadRequest("That is not a return's id.");
        }

        return await creditNotes.FindAsync(id, ct) is { Registration.SignedQr: { } signedQr }
            ? TypedResults.Text(Receipts.ReceiptQrCode.Svg(signedQr), "image/svg+xml")
            : LocalProblems.NotFound("No registered e-invoice for that credit note on this till yet.");
    }
}
