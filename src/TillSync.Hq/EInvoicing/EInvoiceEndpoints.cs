using System.Globalization;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Hq.Access;
using TillSync.Hq.Idempotency;
using TillSync.Hq.Storage;
using TillSync.Hq.Web;
using TillSync.Storage;

namespace TillSync.Hq.EInvoicing;

/// <summary>The managers' view of the e-invoice outbox, and the retry of a parked bill.</summary>
public static class EInvoiceEndpoints
{
    /// <summary>Bills per listing, at most and by default.</summary>
    public const int PageMax = 500;

    /// <summary>Maps <c>GET /einvoices?status=&amp;tillId=&amp;atRisk=&amp;after=&amp;limit=</c>, <c>GET /einvoices/{clientOrderId}</c> and
    /// <c>POST /einvoices/{clientOrderId}/retry</c>, for managers only.</summary>
    public static void MapEInvoiceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/einvoices", ListAsync).RequireManager().Produces<EInvoicePage>().ProducesProblem(400);
        api.MapGet("/einvoices/{clientOrderId}", GetAsync).RequireManager().Produces<EInvoiceView>().ProducesProblem(404);
        api.MapPost("/einvoices/{clientOrderId}/retry", RetryAsync).RequireManager().RequireIdempotencyKey().Produces<EInvoiceView>().ProducesProblem(404).ProducesProblem(409);
    }

    // In till and tillSeq order, a page at a time: after= is the previous page's nextAfter, "{tillId}.{tillSeq}" of its last bill.
    private static async Task<IResult> ListAsync(
        HttpContext http, HqDatabase database, TimeProvider time, string? status, long? tillId, bool? atRisk, string? after, int? limit)
    {
        var pageSize = limit ?? PageMax;
        if (status is not null && !EInvoiceStatuses.All.Contains(status))
        {
            return Problems.BadRequest($"status must be one of {string.Join(", ", EInvoiceStatuses.All)}.");
        }

        if (pageSize is < 1 or > PageMax)
        {
            return Problems.BadRequest($"limit must be 1 to {PageMax}.");
        }

        var cursor = (Till: 0L, Seq: 0L);
        if (after is not null && !TryParseCursor(after, out cursor))
        {
            return Problems.BadRequest("after must be the nextAfter of the page before, {tillId}.{tillSeq}, e.g. 3.1207.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        // Filters are appended, not written as "@p IS NULL OR …": PostgreSQL cannot type a parameter that is only ever NULL.
        var statusFilter = status is null ? "" : " AND status = @status";
        var tillFilter = tillId is null ? "" : " AND till_id = @till";
        var today = Today(time);
        // Bill dates are stored as the portal writes them (dd/MM/yyyy), so the at-risk window is its days, named.
        var riskDays = atRisk is true ? AtRiskDates(today) : [];
        var riskFilter = atRisk is true
            ? $" AND status IN ({EInvoiceStatuses.UnregisteredSql}) AND doc_date IN ({string.Join(", ", riskDays.Select((_, i) => $"@risk{i}"))})"
            : "";
        var command = connection.Command(
            $"""
            SELECT {EInvoiceBill.Columns} FROM einvoices
            WHERE (till_id > @afterTill OR (till_id = @afterTill AND till_seq > @afterSeq)){statusFilter}{tillFilter}{riskFilter}
            ORDER BY till_id, till_seq LIMIT @limit
            """)
            .With("@afterTill", cursor.Till).With("@afterSeq", cursor.Seq).With("@limit", pageSize + 1);
        for (var i = 0; i < riskDays.Count; i++)
        {
            command.With($"@risk{i}", DocumentDates.Text(riskDays[i]));
        }

        if (status is not null)
        {
            command.With("@status", status);
        }

        if (tillId is not null)
        {
            command.With("@till", tillId.Value);
        }

        var bills = await command.ListAsync(EInvoiceBill.Read, http.RequestAborted);
        var items = bills.Take(pageSize).Select(b => View(b, today, withSignedInvoice: false)).ToList();
        var more = bills.Count > pageSize;
        return TypedResults.Ok(new EInvoicePage(items, more, more ? $"{items[^1].TillId}.{items[^1].TillSeq}" : null));
    }

    private static bool TryParseCursor(string text, out (long Till, long Seq) cursor)
    {
        cursor = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var till)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        cursor = (till, seq);
        return true;
    }

    private static async Task<IResult> GetAsync(HttpContext http, HqDatabase database, TimeProvider time, string clientOrderId)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return Problems.BadRequest("clientOrderId must be a UUID.");
        }

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var bill = await PendingEInvoices.FindAsync(connection, id.ToString("D"), http.RequestAborted);
        return bill is null
            ? Problems.NotFound($"HQ has no e-invoice for order {id}: it is unknown or not a B2B sale.")
            : TypedResults.Ok(View(bill, Today(time), withSignedInvoice: true));
    }

    // A parked bill goes back to pending with its attempts reset; the manager may correct the buyer's details in the
    // same call. The bill is re-checked against the schema before it is sent again.
    private static async Task<IResult> RetryAsync(HttpContext http, HqDatabase database, TimeProvider time, string clientOrderId)
    {
        if (!Guid.TryParse(clientOrderId, out var id))
        {
            return Problems.BadRequest("clientOrderId must be a UUID.");
        }

        var fix = new EInvoiceRetryRequest();
        // The body is optional: a request without a Content-Type carries none (a JSON body may come chunked, without a length).
        if (http.Request.ContentType is not null)
        {
            var (body, problem) = await JsonBody.ReadAsync(
                http.Request, TillSyncJsonContext.Default.EInvoiceRetryRequest, Limits.RequestBodyBytesMax, http.RequestAborted);
            if (body is null)
            {
                return problem!;
            }

            fix = body;
        }

        if (FixProblem(fix) is { } invalid)
        {
            return Problems.BadRequest(invalid);
        }

        return await IdempotentWrites.RunAsync(http, database, time, async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var updated = await connection.Command("""
                UPDATE einvoices SET status = 'pending', attempts = 0, next_attempt_at = @now, claimed_until = @now, updated_at = @now,
                    buyer_name = COALESCE(@name, buyer_name), buyer_address1 = COALESCE(@address1, buyer_address1),
                    buyer_location = COALESCE(@location, buyer_location), buyer_pin = COALESCE(@pin, buyer_pin)
                WHERE client_order_id = @id AND status = 'failed'
                """, transaction).With("@now", StoredTime.Text(now)).With("@name", fix.LegalName).With("@address1", fix.Address1)
                .With("@location", fix.Location).With("@pin", fix.Pin).With("@id", id.ToString("D")).ExecuteAsync(http.RequestAborted);
            var bill = await PendingEInvoices.FindAsync(connection, transaction, id.ToString("D"), http.RequestAborted);
            if (bill is null)
            {
                return Problems.NotFound($"HQ has no e-invoice for order {id}.");
            }

            if (updated != 1)
            {
                return Problems.Conflict($"The e-invoice of order {id} is {bill.Status}; only a failed (parked) bill can be retried.");
            }

            // A correction of the buyer changes what HQ files with the tax portal in the store's name: who made it is audited.
            await AuditLog.RecordAsync(connection, transaction, http.Caller().Name, "einvoice.retry",
                $"bill {bill.DocNo} (order {id}) back to pending{CorrectionText(fix)}", now, http.RequestAborted);
            return TypedResults.Ok(View(bill, Today(time), withSignedInvoice: false));
        });
    }

    // The buyer fields a manager may correct, held to the e-invoice schema's lengths (docs/einvoice.md).
    private static string? FixProblem(EInvoiceRetryRequest fix) =>
        (fix.LegalName is null ? null : FreeText.Problem(fix.LegalName, "legalName", 3, 100))
        ?? (fix.Address1 is null ? null : FreeText.Problem(fix.Address1, "address1", 1, 100))
        ?? (fix.Location is null ? null : FreeText.Problem(fix.Location, "location", 3, 50))
        ?? (fix.Pin is null or (>= 100_000 and <= 999_999) ? null : $"pin {fix.Pin} must be a six-digit PIN code.");

    private static string CorrectionText(EInvoiceRetryRequest fix)
    {
        var fields = new List<string>();
        if (fix.LegalName is not null)
        {
            fields.Add($"legal name '{fix.LegalName}'");
        }

        if (fix.Address1 is not null)
        {
            fields.Add($"address '{fix.Address1}'");
        }

        if (fix.Location is not null)
        {
            fields.Add($"location '{fix.Location}'");
        }

        if (fix.Pin is not null)
        {
            fields.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PIN {fix.Pin}"));
        }

        return fields.Count == 0 ? "" : "; buyer corrected: " + string.Join(", ", fields);
    }

    /// <summary>Today in IST, the calendar bill dates and the portal's limit count in.</summary>
    public static DateOnly Today(TimeProvider time) => DocumentDates.Of(time.GetUtcNow());

    /// <summary>The bill dates at risk on <paramref name="today"/>: <see cref="ReportingLimit.AtRiskFromDays"/> to
    /// <see cref="ReportingLimit.Days"/> days ago.</summary>
    public static IReadOnlyList<DateOnly> AtRiskDates(DateOnly today) =>
        [.. Enumerable.Range(ReportingLimit.AtRiskFromDays, ReportingLimit.Days - ReportingLimit.AtRiskFromDays + 1).Select(d => today.AddDays(-d))];

    /// <summary>What the API shows of <paramref name="b"/> on <paramref name="today"/>.</summary>
    public static EInvoiceView View(EInvoiceBill b, DateOnly today, bool withSignedInvoice)
    {
        var open = EInvoiceStatuses.Unregistered.Contains(b.Status) && DocumentDates.TryParse(b.DocDate, out var date) ? date : (DateOnly?)null;
        var reportBy = open is { } d ? ReportingLimit.LastDay(d) : (DateOnly?)null;
        var warning = open is not { } billDate ? null
            : ReportingLimit.IsPast(billDate, today)
                ? $"Past the reporting limit: the last day to register this bill was {DocumentDates.Text(reportBy!.Value)} ({ReportingLimit.Days} days after its date); the portal refuses it for a seller in the limit's turnover band."
            : ReportingLimit.IsAtRisk(billDate, today)
                ? string.Create(CultureInfo.InvariantCulture,
                    $"At risk: register by {DocumentDates.Text(reportBy!.Value)} ({reportBy.Value.DayNumber - today.DayNumber} days left); the portal refuses bills more than {ReportingLimit.Days} days old.")
            : null;
        return new EInvoiceView(Guid.Parse(b.ClientOrderId), b.StoreId, b.TillId, b.TillSeq, b.DocType, b.DocNo, b.DocDate, b.BuyerGstin,
            b.TotalPaise, b.Status, b.Irn, b.AckNo, b.AckDt, b.SignedQrCode, withSignedInvoice ? b.SignedInvoice : null, b.EwbNo,
            b.Attempts, b.NextAttemptAt, b.LastError, b.UpdatedAt, warning, b.OriginalDocNo, b.OriginalDocDate,
            reportBy is { } last ? DocumentDates.Text(last) : null, b.CancelledAt, b.CancelReason, b.CancelRemark,
            b.EwbCancelledAt, b.EwbCancelReason, b.EwbCancelRemark, b.EwbValidTill);
    }
}
