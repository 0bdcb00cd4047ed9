using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TillSync.Core;
using TillSync.Core.EInvoicing;
using TillSync.Irp.Faults;
using TillSync.Irp.Web;

namespace TillSync.Irp.Invoices;

/// <summary>NIC's invoice API: generate IRN, get by IRN, get by document details.</summary>
public static class InvoiceEndpoints
{
    /// <summary>Maps the three endpoints on <paramref name="nic"/> (the group with the fault filter).</summary>
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder nic)
    {
        nic.MapPost(IrpPaths.GenerateIrn, GenerateAsync);
        nic.MapGet(IrpPaths.IrnByIrnPrefix + "{irn}", GetByIrnAsync);
        nic.MapGet(IrpPaths.IrnByDocumentDetails, GetByDocumentAsync);
        return nic;
    }

    private static async Task<IResult> GenerateAsync(
        HttpContext http, InvoiceRegistry registry, ReportingLimitSettings reportingLimit, FaultSwitches faults, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (gstin, refusal) = IrpCaller.Identify(http.Request);
        if (refusal is not null)
        {
            return refusal;
        }

        var (json, bytes, bodyRefusal) = await NicBody.ReadAsync(http.Request, cancellationToken);
        if (bodyRefusal is not null)
        {
            return bodyRefusal;
        }

        using (json)
        {
            var (payload, invalid) = Validate(json!.RootElement, gstin!, time);
            if (invalid is not null)
            {
                return invalid;
            }

            // Validate has checked both against the schema and the calendar.
            Invariant.Assert(DocumentTypes.TryParse(payload!.Document.Type, out var type));
            Invariant.Assert(DocumentDates.TryParse(payload.Document.Date, out var date));
            if (type != EInvoiceDocumentType.Invoice && await PrecedingDocumentRefusalAsync(payload, registry, cancellationToken) is { } refused)
            {
                return refused;
            }

            var irn = Irn.Compute(payload.Seller.Gstin, date, type, payload.Document.Number);
            // A document registered in time stays a duplicate after the limit: a retry of a lost reply must find it.
            if (reportingLimit.Refuses(payload.Seller.Gstin, date, Today(time)) && await registry.FindAsync(irn, cancellationToken) is null)
            {
                return IrpReplies.Error(IrpErrorCodes.ReportingLimitPassed, string.Create(CultureInfo.InvariantCulture,
                    $"The document date {payload.Document.Date} is older than the allowed {reportingLimit.Days} days for reporting: the last day was {DocumentDates.Text(ReportingLimit.LastDay(date, reportingLimit.Days))}"));
            }

            var (registration, duplicate) = await registry.RegisterAsync(irn, payload, JsonNode.Parse(bytes)!.AsObject(), cancellationToken);
            if (duplicate)
            {
                return IrpReplies.Duplicate(registration.AckNo, IrpTimes.Text(registration.AckAt), registration.Irn);
            }

            IrpLog.Registered(http, registration.AckNo, registration.Irn);
            return FaultFilter.MaybeDropReply(faults, http, IrpReplies.Ok(registration.ToDetails()));
        }
    }

    /// <summary>Schema (2140), then ownership (2143), the date (2140, 2163) and NIC's arithmetic (<see cref="InvoiceRules"/>).</summary>
    private static (EInvoicePayload? Payload, IResult? Invalid) Validate(JsonElement body, string callerGstin, TimeProvider time)
    {
        var violations = EInvoiceSchema.Violations(body);
        if (violations.Count > 0)
        {
            return (null, IrpReplies.Errors(violations.Select(v => new IrpError(IrpErrorCodes.SchemaValidation, v)).ToList()));
        }

        EInvoicePayload payload;
        try
        {
            payload = EInvoicePayload.FromJson(body);
        }
        catch (JsonException e)
        {
            return (null, IrpReplies.Error(IrpErrorCodes.SchemaValidation, $"{e.Path}: {e.Message}"));
        }

        if (payload.Seller.Gstin != callerGstin)
        {
            return (null, IrpReplies.Error(IrpErrorCodes.NotOwnGstin,
                $"Invoice does not belongs to the user GSTIN: SellerDtls.Gstin {payload.Seller.Gstin} is not the gstin header {callerGstin}"));
        }

        if (!DocumentDates.TryParse(payload.Document.Date, out var date))
        {
            return (null, IrpReplies.Error(IrpErrorCodes.SchemaValidation, $"/DocDtls/Dt: '{payload.Document.Date}' is not a date"));
        }

        if (date > Today(time))
        {
            return (null, IrpReplies.Error(IrpErrorCodes.FutureDocumentDate, "Document date should not be future date"));
        }

        var errors = InvoiceRules.Check(payload);
        return errors.Count > 0 ? (null, IrpReplies.Errors(errors)) : (payload, null);
    }

    // A credit or debit note amends invoices the portal knows: each preceding document must be an active invoice
    // registered for the note's seller. The simulator's choice, documented in docs/decisions/0004-irp-simulator.md.
    private static async Task<IResult?> PrecedingDocumentRefusalAsync(EInvoicePayload payload, InvoiceRegistry registry, CancellationToken cancellationToken)
    {
        var preceding = payload.References?.PrecedingDocuments ?? [];
        if (preceding.Count == 0)
        {
            return IrpReplies.Error(IrpErrorCodes.PrecedingDocumentNotRegistered,
                $"{payload.Document.Type} {payload.Document.Number} must name the invoice it amends in RefDtls.PrecDocDtls");
        }

        foreach (var invoice in preceding)
        {
            var found = DocumentDates.TryParse(invoice.InvoiceDate, out var invoiceDate) && invoice.InvoiceNumber.Length > 0
                ? await registry.FindAsync(Irn.Compute(payload.Seller.Gstin, invoiceDate, EInvoiceDocumentType.Invoice, invoice.InvoiceNumber), cancellationToken)
                : null;
            // The IRN names the financial year, not the day: the date must be the registered invoice's own.
            if (found is not { Status: IrnDetails.Active } || found.DocDate != invoice.InvoiceDate)
            {
                return IrpReplies.Error(IrpErrorCodes.PrecedingDocumentNotRegistered,
                    $"Preceding document {invoice.InvoiceNumber} dated {invoice.InvoiceDate} is not an active e-invoice of GSTIN {payload.Seller.Gstin}"
                    + (found is { Status: IrnDetails.Cancelled } ? " (it is cancelled)" : ""));
            }
        }

        return null;
    }

    private static async Task<IResult> GetByIrnAsync(HttpRequest request, string irn, InvoiceRegistry registry, CancellationToken cancellationToken)
    {
        var (gstin, refusal) = IrpCaller.Identify(request);
        return refusal ?? Found(await registry.FindAsync(irn, cancellationToken), gstin!);
    }

    private static async Task<IResult> GetByDocumentAsync(HttpRequest request, InvoiceRegistry registry, CancellationToken cancellationToken)
    {
        var (gstin, refusal) = IrpCaller.Identify(request);
        if (refusal is not null)
        {
            return refusal;
        }

        var number = request.Query["docnum"].ToString();
        if (!DocumentTypes.TryParse(request.Query["doctype"].ToString().ToUpperInvariant(), out var type)
            || !DocumentDates.TryParse(request.Query["docdate"].ToString(), out var date) || number.Length == 0)
        {
            return IrpReplies.Error(IrpErrorCodes.IncompleteRequest,
                "Incomplete request parameters: send doctype (INV, CRN, DBN), docnum and docdate (dd/MM/yyyy)");
        }

        // The document's identity is its IRN, whatever the case of the number it is asked for with.
        return Found(await registry.FindAsync(Irn.Compute(gstin!, date, type, number), cancellationToken), gstin!);
    }

    private static DateOnly Today(TimeProvider time) => DocumentDates.Of(time.GetUtcNow());

    private static IResult Found(Registration? registration, string callerGstin) =>
        registration is null ? IrpReplies.Error(IrpErrorCodes.IrnNotFound, "Requested IRN data is not available")
        : registration.SellerGstin != callerGstin ? IrpReplies.Error(IrpErrorCodes.NotOwnGstin, "Invoice does not belongs to the user GSTIN")
        : IrpReplies.Ok(registration.ToDetails());
}
