using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts;
using TillSync.Contracts.EInvoicing;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Storage;
using TillSync.Simulation.Nodes;
using TillSync.Storage;

namespace TillSync.Simulation.Runs;

/// <summary>The manager raising e-way bills on HQ's <c>/einvoices</c> page (<c>POST /api/v1/einvoices/{id}/eway-bill</c>,
/// HQ's real endpoint and the portal's real registry, over the faulty line) for registered invoices worth more than
/// ₹50,000 before their goods move, cancelling some within the portal's 24 hours (a wrong vehicle) and raising a fresh
/// one, and now and then trying to cancel one after 24 hours, which the portal refuses. A send whose outcome is unknown
/// (503) is sent again with the same <c>Idempotency-Key</c>, as docs/einvoice.md tells a manager; after a few it waits for
/// the next visit, and the drain finishes it. Every decision comes from the desk's own seeded <see cref="Random"/>.</summary>
public sealed class EwayBillDesk(SimulationOptions options, FakeTimeProvider clock, Random random, Timeline queue, Trace trace, HqNode hq)
{
    private static readonly TimeSpan VisitIntervalMean = TimeSpan.FromMinutes(60);
    private const double CancelShare = 0.4;
    private const double LateCancelShare = 0.2;
    private const double AnswerLostShare = 0.2;
    private const int SendsMax = 3;

    // Margins around the portal's 24 hours, which run from the e-way bill's generation, no later than HQ's answer.
    private static readonly TimeSpan CancelSafelyWithin = TimeSpan.FromHours(23);
    private static readonly TimeSpan CancelSurelyAfter = TimeSpan.FromHours(25);

    private readonly Dictionary<string, int> _counts = [];
    // When the manager first asked for each bill's active e-way bill and when HQ answered with it: the portal generated it
    // between the two.
    private readonly Dictionary<Guid, (DateTimeOffset Asked, DateTimeOffset Answered)> _raised = [];
    private readonly HashSet<Guid> _lateTried = [];
    private readonly HashSet<long> _consideredForCancel = [];
    private readonly List<Send> _unfinished = [];

    /// <summary>What the manager did and what HQ answered, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Schedules the first visit.</summary>
    public void Open() => queue.Schedule(Now + Exponential(VisitIntervalMean), SimEventKind.ManagerRound, VisitAsync);

    /// <summary>The drain, once the portal's line has healed: every send whose outcome was lost is sent again, with its key,
    /// until HQ answers it, so that HQ ends holding what the portal holds.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < SendsMax && _unfinished.Count > 0; pass++)
        {
            foreach (var send in _unfinished.ToList())
            {
                _unfinished.Remove(send);
                await SendAsync(send, cancellationToken);
            }
        }

        if (_unfinished.Count > 0)
        {
            throw new InvalidOperationException($"Seed {options.Seed}: {_unfinished.Count} e-way bill requests still unanswered after the drain.");
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;

    private async Task VisitAsync()
    {
        if (hq.IsUp)
        {
            foreach (var send in _unfinished.ToList())
            {
                _unfinished.Remove(send);
                await SendAsync(send, CancellationToken.None);
            }

            foreach (var bill in await EligibleAsync())
            {
                await VisitBillAsync(bill);
            }
        }

        queue.Schedule(Now + Exponential(VisitIntervalMean), SimEventKind.ManagerRound, VisitAsync);
    }

    // A bill without an active e-way bill gets one (a fresh one after a cancel); each e-way bill is considered for a cancel
    // once, at the first look after it was raised (a wrong vehicle), and now and then, once per bill, after 24 hours.
    private async Task VisitBillAsync(EligibleBill bill)
    {
        if (_unfinished.Any(s => s.ClientOrderId == bill.ClientOrderId))
        {
            return;
        }

        if (!bill.HasActiveEwayBill)
        {
            var order = new EwayBillOrder(random.Next(5, 900), "1", "KA01AB1234");
            await SendAsync(new Send(bill.ClientOrderId, bill.DocNo, hq.NextOperationKey(), order, null, Fresh: bill.EwbNo is not null, Now), CancellationToken.None);
            return;
        }

        var (asked, answered) = _raised[bill.ClientOrderId];
        if ((Now - asked < CancelSafelyWithin && _consideredForCancel.Add(bill.EwbNo!.Value) && random.NextDouble() < CancelShare)
            || (Now - answered > CancelSurelyAfter && random.NextDouble() < LateCancelShare && _lateTried.Add(bill.ClientOrderId)))
        {
            var cancel = new EwayBillCancelRequest(random.Next(1, 5).ToString(CultureInfo.InvariantCulture), "Simulated: wrong vehicle");
            await SendAsync(new Send(bill.ClientOrderId, bill.DocNo, hq.NextOperationKey(), null, cancel, Fresh: false, Now), CancellationToken.None);
        }
    }

    // Sends one request until HQ gives its outcome; a lost answer is sometimes resent once more after success, and must be
    // answered the same.
    private async Task SendAsync(Send send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= SendsMax; attempt++)
        {
            var (status, body) = await PostAsync(send, cancellationToken);
            trace.Add(Now, $"manager {(send.Raise ? "raises an e-way bill for" : "cancels the e-way bill of")} {send.DocNo} (send {attempt}): {(int)status}");
            if (status == HttpStatusCode.ServiceUnavailable)
            {
                Count("e-way bill: sent again (outcome unknown)");
                continue;
            }

            Count(Outcome(send, status, body));
            if (status == HttpStatusCode.OK && random.NextDouble() < AnswerLostShare)
            {
                var again = await PostAsync(send, cancellationToken);
                if (again != (status, body))
                {
                    throw new InvalidOperationException($"Seed {options.Seed}: e-way bill request {send.OperationKey} of {send.DocNo} resent answered {(int)again.Status} {again.Body}, first {(int)status} {body}.");
                }

                Count("e-way bill: answer lost, same Idempotency-Key resent, same answer");
            }

            return;
        }

        _unfinished.Add(send);
    }

    private string Outcome(Send send, HttpStatusCode status, string body) => (send.Raise, status) switch
    {
        (true, HttpStatusCode.OK) => Raised(send),
        (false, HttpStatusCode.OK) => "e-way bill: cancelled within 24 hours",
        (false, HttpStatusCode.Conflict) when body.Contains("portal refused to cancel", StringComparison.Ordinal)
            && Now - _raised[send.ClientOrderId].Answered > CancelSurelyAfter => "e-way bill: cancel refused by the portal after 24 hours",
        // The other manager cancelled the invoice while this request waited to be answered.
        (true, HttpStatusCode.Conflict) when body.Contains("needs a registered invoice", StringComparison.Ordinal)
            || body.Contains("portal refused the e-way bill", StringComparison.Ordinal) => "e-way bill: refused, its invoice cancelled meanwhile",
        _ => throw new InvalidOperationException($"Seed {options.Seed}: HQ answered the e-way bill request of {send.DocNo} {(int)status} {body}"),
    };

    private string Raised(Send send)
    {
        _raised[send.ClientOrderId] = (send.FirstSentAt, Now);
        return send.Fresh ? "e-way bill: raised afresh after a cancel" : "e-way bill: raised for an invoice above ₹50,000";
    }

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(Send send, CancellationToken cancellationToken)
    {
        // The same request each time it is sent: the key answers only the request it was first sent with.
        using var content = send.Order is { } order
            ? JsonContent.Create(order, TillSyncJsonContext.Default.EwayBillOrder)
            : JsonContent.Create(send.Cancel!, TillSyncJsonContext.Default.EwayBillCancelRequest);
        using var answer = await hq.ManagerSendAsync(HttpMethod.Post,
            $"/api/v1/einvoices/{send.ClientOrderId:D}/eway-bill{(send.Raise ? "" : "/cancel")}", content, send.OperationKey, cancellationToken);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(cancellationToken));
    }

    // Registered invoices above the e-way bill threshold, as the page lists them, oldest first.
    private async Task<IReadOnlyList<EligibleBill>> EligibleAsync()
    {
        await using var connection = await hq.Services.GetRequiredService<HqDatabase>().OpenAsync(CancellationToken.None);
        return await connection.Command($"""
            SELECT client_order_id, doc_no, ewb_no, ewb_cancelled_at FROM einvoices
            WHERE doc_type = 'INV' AND status = '{EInvoiceStatuses.Registered}' AND total_paise > @threshold
            ORDER BY till_id, till_seq
            """).With("@threshold", EwayBillEndpoint.EwayBillThresholdPaise)
            .ListAsync(r => new EligibleBill(Guid.Parse(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt64(2), !r.IsDBNull(2) && r.IsDBNull(3)),
                CancellationToken.None);
    }

    private sealed record EligibleBill(Guid ClientOrderId, string DocNo, long? EwbNo, bool HasActiveEwayBill);

    // One manager request: raising an e-way bill (Order) or cancelling the bill's active one (Cancel).
    private sealed record Send(Guid ClientOrderId, string DocNo, string OperationKey, EwayBillOrder? Order, EwayBillCancelRequest? Cancel, bool Fresh,
        DateTimeOffset FirstSentAt)
    {
        public bool Raise => Order is not null;
    }
}
