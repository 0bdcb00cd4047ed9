using System.Globalization;
using System.Text.Json;
using TillSync.Core.EInvoicing;

namespace TillSync.Hq.EInvoicing;

/// <summary>Registers one claimed bill with the IRP (docs/einvoice.md). The rules that keep a bill from being
/// registered twice or adopted wrongly:
/// <list type="number">
/// <item>Any attempt after the first asks the IRP by document details before it sends: the earlier attempt may have
/// been committed by the IRP and then lost on the way back (timeout, dropped connection, 5xx).</item>
/// <item>A registration found that way, or named by a 2150 duplicate's DUPIRN, is adopted only when its signed
/// invoice verifies with the IRP's key and carries this bill's IRN, buyer GSTIN and total.</item>
/// <item>An unknown outcome postpones the bill with exponential backoff; an IRP refusal parks it for a manager, and a
/// refusal as past the reporting limit (30 days after the bill's date) opens a review item too.</item>
/// <item>A credit note goes only after its original invoice is registered: until then it waits, and an original that
/// is parked or no e-invoice at all parks it with that reason.</item>
/// </list></summary>
public sealed partial class EInvoiceRegistrar(
    IrpConnection irp, PendingEInvoices queue, EInvoicePayloadSource payloads, TimeProvider time, ILogger<EInvoiceRegistrar> logger)
{
    /// <summary>The first retry delay after an unknown outcome; it doubles per attempt up to <see cref="RetryDelayMax"/>.</summary>
    public static readonly TimeSpan RetryDelayFirst = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest retry delay.</summary>
    public static readonly TimeSpan RetryDelayMax = TimeSpan.FromMinutes(1);

    /// <summary>Works on <paramref name="bill"/>, claimed by this worker, until it is registered, parked or postponed; the
    /// portal is called as its store's GSTIN.</summary>
    public async Task ProcessAsync(EInvoiceBill bill, CancellationToken cancellationToken)
    {
        var sellerGstin = await queue.SellerGstinAsync(bill.StoreId, cancellationToken);
        if (bill.TillIrn is { } printed && printed != bill.Irn)
        {
            // The till printed another IRN (its snapshot had another seller GSTIN than the store has now): registering
            // this one would leave a receipt whose IRN the portal does not know. A manager decides; nothing is sent.
            await ParkAsync(bill, $"The till printed IRN {printed} on {bill.DocNo}, but HQ computes {bill.Irn} from the store's GSTIN " +
                $"{sellerGstin}: the till's snapshot had another seller GSTIN. Nothing was sent to the IRP.", cancellationToken);
            return;
        }

        var built = await payloads.BuildAsync(bill, cancellationToken);
        if (built.WaitReason is { } waiting)
        {
            if (await queue.WaitAsync(bill, waiting, time.GetUtcNow(), cancellationToken))
            {
                LogWaiting(bill.ClientOrderId, bill.TillId, bill.TillSeq, waiting);
            }

            return;
        }

        if (built.PayloadJson is not { } payload)
        {
            await ParkAsync(bill, built.Problem!, cancellationToken);
            return;
        }

        if (bill.Attempts > 1)
        {
            var found = await irp.GetByDocumentAsync(sellerGstin, DocumentType(bill), bill.DocNo, DocumentDate(bill), cancellationToken);
            if (found is null)
            {
                await PostponeAsync(bill, sellerGstin, "The IRP did not answer the lookup by document details.", cancellationToken);
                return;
            }

            if (found.Data is { } existing)
            {
                await AdoptAsync(bill, existing, "found by document details", cancellationToken);
                return;
            }

            if (!found.HasError(IrpErrorCodes.IrnNotFound))
            {
                await PostponeAsync(bill, sellerGstin, $"Lookup by document details failed: {Errors(found)}", cancellationToken);
                return;
            }
        }

        var answer = await irp.GenerateAsync(sellerGstin, payload, cancellationToken);
        if (answer is null)
        {
            await PostponeAsync(bill, sellerGstin, "The IRP did not answer (timeout, dropped connection, 5xx or an answer that did not decrypt); the outcome is unknown.", cancellationToken);
        }
        else if (answer.Data is { } registered)
        {
            await AdoptAsync(bill, registered, "registered", cancellationToken);
        }
        else if (answer.HasError(IrpErrorCodes.DuplicateIrn))
        {
            await AdoptDuplicateAsync(bill, sellerGstin, answer, cancellationToken);
        }
        else if (answer.HasError(IrpErrorCodes.ReportingLimitPassed))
        {
            // Final: no retry will ever register it. A manager settles it with the buyer (an einvoice_past_limit item).
            var reason = $"The IRP refused the e-invoice as past its reporting limit: {Errors(answer)}";
            if (await queue.ParkPastLimitAsync(bill, reason, time.GetUtcNow(), cancellationToken))
            {
                LogParked(bill.ClientOrderId, bill.TillId, bill.TillSeq, reason);
            }
        }
        else
        {
            await ParkAsync(bill, $"The IRP refused the e-invoice: {Errors(answer)}", cancellationToken);
        }
    }

    private async Task AdoptDuplicateAsync(EInvoiceBill bill, string sellerGstin, IrpResponse<IrnDetails> answer, CancellationToken cancellationToken)
    {
        var duplicate = answer.InfoDtls?.FirstOrDefault(i => i.InfCd == IrpInfo.DuplicateIrnCode)?.Desc;
        if (duplicate is null || duplicate.Irn != bill.Irn)
        {
            await ParkAsync(bill, $"The IRP answered 2150 without this bill's IRN in DUPIRN ({duplicate?.Irn ?? "none"}).", cancellationToken);
            return;
        }

        var existing = await irp.GetByIrnAsync(sellerGstin, duplicate.Irn, cancellationToken);
        if (existing?.Data is null)
        {
            await PostponeAsync(bill, sellerGstin, "2150 duplicate: the IRP did not answer the lookup by IRN.", cancellationToken);
            return;
        }

        await AdoptAsync(bill, existing.Data, "adopted after 2150", cancellationToken);
    }

    private async Task AdoptAsync(EInvoiceBill bill, IrnDetails details, string how, CancellationToken cancellationToken)
    {
        var mismatch = await MismatchAsync(bill, details, cancellationToken);
        if (mismatch is not null)
        {
            await ParkAsync(bill, $"The IRP holds a registration for bill {bill.DocNo} that is not this bill: {mismatch}.", cancellationToken);
            return;
        }

        if (await queue.RegisterAsync(bill, details, time.GetUtcNow(), cancellationToken))
        {
            LogRegistered(bill.ClientOrderId, bill.TillId, bill.TillSeq, details.AckNo, how);
        }
    }

    // Whether the IRP's registration is this bill: its signature verifies with the IRP's key, and its IRN, buyer GSTIN
    // and invoice value are the bill's. Null when it is.
    private async Task<string?> MismatchAsync(EInvoiceBill bill, IrnDetails details, CancellationToken cancellationToken)
    {
        if (details.Irn != bill.Irn)
        {
            return $"IRN {details.Irn}";
        }

        var data = await irp.VerifiedInvoiceDataAsync(details.SignedInvoice, cancellationToken);
        if (data is null)
        {
            return "its signed invoice does not verify with the IRP's published key";
        }

        using var invoice = JsonDocument.Parse(data);
        var buyerGstin = invoice.RootElement.GetProperty("BuyerDtls").GetProperty("Gstin").GetString();
        var totalRupees = invoice.RootElement.GetProperty("ValDtls").GetProperty("TotInvVal").GetDecimal();
        if (!string.Equals(buyerGstin, bill.BuyerGstin, StringComparison.Ordinal))
        {
            return $"buyer GSTIN {buyerGstin}";
        }

        return totalRupees * 100m != bill.TotalPaise
            ? string.Create(CultureInfo.InvariantCulture, $"invoice value ₹{totalRupees:0.00}, the bill's ₹{bill.TotalPaise / 100m:0.00}")
            : null;
    }

    private async Task ParkAsync(EInvoiceBill bill, string reason, CancellationToken cancellationToken)
    {
        if (await queue.ParkAsync(bill, reason, time.GetUtcNow(), cancellationToken))
        {
            LogParked(bill.ClientOrderId, bill.TillId, bill.TillSeq, reason);
        }
    }

    private async Task PostponeAsync(EInvoiceBill bill, string sellerGstin, string reason, CancellationToken cancellationToken)
    {
        // A refused sign-in is a configuration error, not a lost answer: say so on the bill, where a manager looks. Only the
        // seller GSTIN's own API user matters to it: another store's wrong password does not hold this bill up.
        if (irp.CredentialProblemFor(sellerGstin) is { } refused)
        {
            reason = $"HQ cannot sign in to the IRP as {sellerGstin}'s API user ({refused}): put the IRP credentials right and restart HQ. Nothing was sent.";
        }

        var now = time.GetUtcNow();
        await queue.PostponeAsync(bill, reason, now + RetryDelay(bill.Attempts), now, cancellationToken);
        LogPostponed(bill.ClientOrderId, bill.Attempts, reason);
    }

    /// <summary>The delay after attempt <paramref name="attempts"/>: 250 ms, 500 ms, 1 s, … up to <see cref="RetryDelayMax"/>.</summary>
    public static TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = RetryDelayFirst * Math.Pow(2, doublings);
        return delay < RetryDelayMax ? delay : RetryDelayMax;
    }

    private static EInvoiceDocumentType DocumentType(EInvoiceBill bill) =>
        DocumentTypes.TryParse(bill.DocType, out var type) ? type : throw new InvalidOperationException($"E-invoice {bill.ClientOrderId} has doc_type '{bill.DocType}'.");

    private static DateOnly DocumentDate(EInvoiceBill bill) =>
        DocumentDates.TryParse(bill.DocDate, out var date) ? date : throw new InvalidOperationException($"E-invoice {bill.ClientOrderId} has doc_date '{bill.DocDate}'.");

    private static string Errors(IrpResponse<IrnDetails> answer) =>
        answer.ErrorDetails is { Count: > 0 } errors
            ? string.Join("; ", errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}"))
            : "no error details";

    [LoggerMessage(Level = LogLevel.Information, Message = "E-invoice {ClientOrderId} (till {TillId}, tillSeq {TillSeq}) {How}: AckNo {AckNo}")]
    private partial void LogRegistered(string clientOrderId, long tillId, long tillSeq, long ackNo, string how);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-invoice {ClientOrderId} (till {TillId}, tillSeq {TillSeq}) parked: {Reason}")]
    private partial void LogParked(string clientOrderId, long tillId, long tillSeq, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Credit note {ClientOrderId} (till {TillId}, tillSeq {TillSeq}) waits for its invoice: {Reason}")]
    private partial void LogWaiting(string clientOrderId, long tillId, long tillSeq, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-invoice {ClientOrderId} postponed after attempt {Attempts}: {Reason}")]
    private partial void LogPostponed(string clientOrderId, int attempts, string reason);
}
