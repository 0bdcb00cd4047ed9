using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Core.EInvoicing;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Storage;
using TillSync.Simulation.EInvoicing;
using TillSync.Simulation.Network;
using TillSync.Irp.Invoices;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;
using TillSync.Storage;

namespace TillSync.Simulation.Runs;

/// <summary>E-invoicing on the shop's clock: HQ's worker registers the B2B bills and credit notes the tills send with the
/// simulated portal (<see cref="EInvoiceRound"/>, over the faulty <see cref="PortalLine"/>), HQ now and then dies while
/// the portal registers, the portal goes down for a while, and the manager cancels some registered bills on HQ's
/// <c>/einvoices</c> page (<c>POST /api/v1/einvoices/{id}/cancel</c>) — within the portal's 24 hours, or after them and
/// refused with 2270 — resending the same request, with the same <c>Idempotency-Key</c>, when its outcome was lost.
/// Every decision comes from its seeded <see cref="Random"/>.</summary>
public sealed class EInvoiceDesk(
    SimulationOptions options, FakeTimeProvider clock, Random random, Timeline queue, Trace trace, HqNode hq, SimulatedNetwork network, PortalLine line)
{
    // HQ's worker polls every half second; visiting every two minutes on average keeps a days-long run cheap, and each
    // visit runs rounds until one finds nothing due, as the worker does while it has work.
    private static readonly TimeSpan WorkerVisitIntervalMean = TimeSpan.FromMinutes(2);
    private const int RoundsPerVisitMax = 20;

    // The manager looks at the e-invoices page about every three quarters of an hour and cancels one in fifteen of the
    // bills registered since the last look (at most two a visit): a wrong buyer, an order called off. One visit in ten,
    // they try a bill registered more than a day ago, which the portal refuses (2270).
    private static readonly TimeSpan ManagerVisitIntervalMean = TimeSpan.FromMinutes(45);
    private const double CancelShare = 1.0 / 15;
    private const int CancelsPerVisitMax = 2;
    private const double LateCancelShare = 0.1;

    // HQ's reason for parking a document whose buyer lacks the address, location or PIN (EInvoicePayloadSource).
    private const string BuyerDetailsMissing = "Retry with the buyer's details";

    private static readonly string Invoice = DocumentTypes.Code(EInvoiceDocumentType.Invoice);

    // Sends of one cancellation in one visit before the manager leaves it for the next visit.
    private const int CancelSendsMax = 3;

    // At fault rate 0.3, the portal goes down about once in a simulated day, for five minutes to four hours.
    private const double OutagesPerVisitPerFaultRate = 0.005;

    // Drain steps, each a worker visit then a minute on the clock (the longest backoff; a lease ends within two): far
    // more than a healed portal needs.
    private const int SettleStepsMax = 40;

    private readonly Dictionary<string, int> _counts = [];
    private readonly Dictionary<string, int> _faults = [];
    private readonly List<PendingCancel> _unfinished = [];
    private readonly Dictionary<Guid, DateTimeOffset> _seenAt = [];
    private bool _faultsStopped;

    /// <summary>What the manager did, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => Ordered(_counts);

    /// <summary>The faults the desk brought about, by name, in report order (the line's own are <see cref="PortalLine.Counts"/>).</summary>
    public IEnumerable<(string What, int Count)> Faults => Ordered(_faults);

    /// <summary>Schedules the worker's and the manager's first visits.</summary>
    public void Open()
    {
        queue.Schedule(Now + Exponential(WorkerVisitIntervalMean), SimEventKind.EInvoiceRound, WorkerVisitAsync);
        queue.Schedule(Now + Exponential(ManagerVisitIntervalMean), SimEventKind.ManagerRound, ManagerVisitAsync);
    }

    /// <summary>The drain: the portal heals, the manager keeps looking at the e-invoices page (finishing the cancellations
    /// whose outcome was lost, retrying what was parked for missing buyer details), and the worker runs until no document is
    /// pending or waiting (or the bound says it never will, which <c>einvoice_settled</c> then reports).</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        _faultsStopped = true;
        line.Heal();
        for (var step = 0; step < SettleStepsMax; step++)
        {
            await ManagerAsync(cancellationToken);
            await WorkAsync(cancellationToken);
            var unsettled = await UnsettledAsync(cancellationToken);
            trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"drain e-invoices: {unsettled} unsettled, {_unfinished.Count} cancellations unfinished"));
            if (unsettled == 0 && _unfinished.Count == 0)
            {
                return;
            }

            clock.Advance(EInvoiceRegistrar.RetryDelayMax);
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private static IEnumerable<(string What, int Count)> Ordered(Dictionary<string, int> counts) =>
        counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;

    private void Fault(string what) => _faults[what] = _faults.GetValueOrDefault(what) + 1;

    private async Task WorkerVisitAsync()
    {
        if (!_faultsStopped && random.NextDouble() < options.FaultRate * OutagesPerVisitPerFaultRate)
        {
            var outage = TimeSpan.FromMinutes(random.Next(5, 241));
            line.GoDown(Now + outage);
            Fault("portal down for a while");
            trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"portal down for {outage.TotalMinutes:0} min"));
        }

        await WorkAsync(CancellationToken.None);
        queue.Schedule(Now + Exponential(WorkerVisitIntervalMean), SimEventKind.EInvoiceRound, WorkerVisitAsync);
    }

    // Rounds until one finds nothing due; nothing while HQ is down.
    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < RoundsPerVisitMax && hq.IsUp; round++)
        {
            try
            {
                if (await EInvoiceRound.RunAsync(hq.Services, clock, cancellationToken) == 0)
                {
                    return;
                }
            }
            catch (SimulatedHqCrashException)
            {
                Fault("HQ crash while the portal registered a bill");
                await network.CrashHqAsync(TimeSpan.FromMilliseconds(random.Next(1_000, 300_000)), "while the portal registered a bill");
                return;
            }
        }
    }

    // Documents the worker or the manager still has to act on: pending, waiting, or parked for the buyer's details.
    private async Task<long> UnsettledAsync(CancellationToken cancellationToken)
    {
        await using var connection = await hq.Services.GetRequiredService<HqDatabase>().OpenAsync(cancellationToken);
        return (long)(await connection.Command($"""
            SELECT COUNT(*) FROM einvoices WHERE status IN ('{EInvoiceStatuses.Pending}', '{EInvoiceStatuses.Waiting}')
              OR (status = '{EInvoiceStatuses.Failed}' AND instr(last_error, @missing) > 0)
            """).With("@missing", BuyerDetailsMissing).ScalarAsync(cancellationToken))!;
    }

    private async Task ManagerVisitAsync()
    {
        if (hq.IsUp)
        {
            await ManagerAsync(CancellationToken.None);
        }

        queue.Schedule(Now + Exponential(ManagerVisitIntervalMean), SimEventKind.ManagerRound, ManagerVisitAsync);
    }

    // One look at the e-invoices page: resend the cancellations whose outcome was lost, retry the documents parked for
    // missing buyer details with the buyer's details, and cancel a few bills registered since the last look (each is
    // considered once) and now and then one registered more than 24 hours ago, which the portal refuses.
    private async Task ManagerAsync(CancellationToken cancellationToken)
    {
        await FinishCancelsAsync(cancellationToken);
        foreach (var parked in await ListAsync(EInvoiceStatuses.Failed, cancellationToken))
        {
            if (parked.LastError?.Contains(BuyerDetailsMissing, StringComparison.Ordinal) == true)
            {
                await RetryWithBuyerAsync(parked, cancellationToken);
            }
        }

        var registered = (await ListAsync(EInvoiceStatuses.Registered, cancellationToken)).Where(b => b.DocType == Invoice).ToList();
        var fresh = registered.Where(b => _seenAt.TryAdd(b.ClientOrderId, Now)).ToList();
        foreach (var bill in fresh.Where(_ => random.NextDouble() < CancelShare).Take(CancelsPerVisitMax))
        {
            await CancelAsync(NewCancel(bill), cancellationToken);
        }

        var old = registered.Where(b => Now - _seenAt[b.ClientOrderId] > InvoiceRegistry.CancelWindow).ToList();
        if (old.Count > 0 && random.NextDouble() < LateCancelShare)
        {
            await CancelAsync(NewCancel(old[random.Next(old.Count)]), cancellationToken);
        }
    }

    private PendingCancel NewCancel(EInvoiceView bill) => new(bill.ClientOrderId, bill.DocNo, hq.NextOperationKey(),
        new EInvoiceCancelRequest(random.Next(1, 5).ToString(CultureInfo.InvariantCulture), "Simulated: the buyer called the order off"));

    private Task<IReadOnlyList<EInvoiceView>> ListAsync(string status, CancellationToken cancellationToken) =>
        ListAsync(hq, options.Seed, status, cancellationToken);

    /// <summary>The first page of HQ's e-invoices in <paramref name="status"/>, as the manager's <c>/einvoices</c> page lists them.</summary>
    internal static async Task<IReadOnlyList<EInvoiceView>> ListAsync(HqNode hq, int seed, string status, CancellationToken cancellationToken)
    {
        using var listed = await hq.ManagerSendAsync(HttpMethod.Get, $"/api/v1/einvoices?status={status}", null, cancellationToken);
        return listed.IsSuccessStatusCode
            ? (await listed.Content.ReadFromJsonAsync(TillSyncJsonContext.Default.EInvoicePage, cancellationToken))!.Items
            : throw new InvalidOperationException($"Seed {seed}: HQ refused the e-invoice list: {(int)listed.StatusCode} {await listed.Content.ReadAsStringAsync(cancellationToken)}");
    }

    // The manager knows the shop's B2B buyers and supplies the details the document lacked (a credit note made from the
    // receipt's signed code carries the buyer's GSTIN and name, not the address).
    private async Task RetryWithBuyerAsync(EInvoiceView parked, CancellationToken cancellationToken)
    {
        var buyer = new[] { SimCatalog.B2BIntraState, SimCatalog.B2BInterState }.Single(b => b.Gstin == parked.BuyerGstin);
        using var answer = await hq.ManagerSendAsync(HttpMethod.Post, $"/api/v1/einvoices/{parked.ClientOrderId:D}/retry",
            JsonContent.Create(new EInvoiceRetryRequest(buyer.Name, buyer.Address1, buyer.Location, buyer.Pin), TillSyncJsonContext.Default.EInvoiceRetryRequest),
            cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seed {options.Seed}: HQ refused the retry of {parked.DocNo}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(cancellationToken)}");
        }

        Count($"e-invoice: {parked.DocType} parked for missing buyer details, retried with them");
        trace.Add(Now, $"manager retries e-invoice {parked.DocNo} with the buyer's details");
    }

    private async Task FinishCancelsAsync(CancellationToken cancellationToken)
    {
        foreach (var cancel in _unfinished.ToList())
        {
            _unfinished.Remove(cancel);
            await CancelAsync(cancel, cancellationToken);
        }
    }

    // Sends one cancellation until HQ gives its outcome: cancelled, or refused by the portal. A 503 (the portal's answer
    // was lost) and a 9999 (the portal holds it cancelled already, but HQ could not read that back) mean "send the same
    // request again", as docs/einvoice.md tells a manager; after a few sends the manager comes back to it later.
    private async Task CancelAsync(PendingCancel cancel, CancellationToken cancellationToken)
    {
        for (var send = 1; send <= CancelSendsMax; send++)
        {
            using var answer = await hq.ManagerSendAsync(HttpMethod.Post, $"/api/v1/einvoices/{cancel.ClientOrderId:D}/cancel",
                JsonContent.Create(cancel.Request, TillSyncJsonContext.Default.EInvoiceCancelRequest), cancel.OperationKey, cancellationToken);
            var body = await answer.Content.ReadAsStringAsync(cancellationToken);
            var lost = answer.StatusCode == HttpStatusCode.ServiceUnavailable
                || (answer.StatusCode == HttpStatusCode.Conflict && PortalRefused(body, IrpErrorCodes.IrnNotActive));
            var outcome = lost ? null : answer.StatusCode switch
            {
                HttpStatusCode.OK => "e-invoice: cancelled by the manager within 24 hours",
                HttpStatusCode.Conflict when PortalRefused(body, IrpErrorCodes.CancelWindowPassed) => "e-invoice: cancel refused by the portal after 24 hours (2270)",
                HttpStatusCode.Conflict when PortalRefused(body, IrpErrorCodes.ActiveEwayBill) => "e-invoice: cancel refused by the portal, an active e-way bill (2230)",
                _ => throw new InvalidOperationException($"Seed {options.Seed}: HQ answered the cancellation of {cancel.DocNo} {(int)answer.StatusCode} {body}"),
            };
            trace.Add(Now, $"manager cancels e-invoice {cancel.DocNo} (send {send}): {(int)answer.StatusCode}");
            if (outcome is not null)
            {
                Count(outcome);
                return;
            }

            Count("e-invoice: cancellation sent again (outcome unknown)");
        }

        _unfinished.Add(cancel);
    }

    // HQ's 409 passes the portal's refusal on as "…: CODE message".
    private static bool PortalRefused(string body, string errorCode) => body.Contains($": {errorCode} ", StringComparison.Ordinal);

    private sealed record PendingCancel(Guid ClientOrderId, string DocNo, string OperationKey, EInvoiceCancelRequest Request);
}
