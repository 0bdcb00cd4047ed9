using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.EInvoicing;
using TillSync.Hq.EInvoicing;
using TillSync.Hq.Orders;
using TillSync.Hq.Storage;
using TillSync.Simulation.Nodes;
using TillSync.Storage;

namespace TillSync.Simulation.Runs;

/// <summary>A second manager at HQ's <c>/einvoices</c> page, who retries parked bills without a fix at random times
/// (<c>POST /api/v1/einvoices/{id}/retry</c>), racing with the tills' syncs, HQ's worker and the first manager
/// (<see cref="EInvoiceDesk"/>, who retries with the buyer's details): the page is read at one moment and a bill's
/// <b>Retry</b> clicked minutes later, when the bill may have moved on (409). Now and then the answer is lost and the same
/// request is sent again with the same <c>Idempotency-Key</c>, which must answer the same; now and then the manager
/// retries a registered bill (409) or a B2C bill, which has no e-invoice (404). A retry may only put a parked bill back to
/// pending: <c>einvoice_once</c> and <c>einvoice_settled</c> then prove that no document got a second IRN, none went out of
/// its till's order and no B2C bill reached the portal. Every decision comes from its own seeded <see cref="Random"/>, so
/// the rest of a seed's shop is as it was before this desk.</summary>
public sealed class EInvoiceRetryDesk(SimulationOptions options, FakeTimeProvider clock, Random random, Timeline queue, Trace trace, HqNode hq)
{
    // The second manager opens the page about every hour and a half, retries about half the parked bills listed, each
    // a few minutes after reading the page.
    private static readonly TimeSpan VisitIntervalMean = TimeSpan.FromMinutes(90);
    private static readonly TimeSpan ClickDelayMean = TimeSpan.FromMinutes(4);
    private const double RetryShare = 0.5;
    private const double AnswerLostShare = 0.25;
    private const double StrayRetryShare = 0.15;

    private readonly Dictionary<string, int> _counts = [];

    /// <summary>What the second manager did and what HQ answered, by name, in report order.</summary>
    public IEnumerable<(string What, int Count)> Counts => _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value));

    /// <summary>Schedules the first visit.</summary>
    public void Open() => queue.Schedule(Now + Exponential(VisitIntervalMean), SimEventKind.ManagerRound, VisitAsync);

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private void Count(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;

    // Nothing while HQ is down: the page does not load.
    private async Task VisitAsync()
    {
        if (hq.IsUp)
        {
            foreach (var parked in await EInvoiceDesk.ListAsync(hq, options.Seed, EInvoiceStatuses.Failed, CancellationToken.None))
            {
                if (random.NextDouble() < RetryShare)
                {
                    queue.Schedule(Now + Exponential(ClickDelayMean), SimEventKind.ManagerRound, () => ClickRetryAsync(parked));
                }
            }

            await StrayRetriesAsync();
        }

        queue.Schedule(Now + Exponential(VisitIntervalMean), SimEventKind.ManagerRound, VisitAsync);
    }

    // The click on a bill read as parked: HQ puts it back to pending (200), or answers 409 when it moved on meanwhile (the
    // first manager retried it and the worker registered it). A lost answer is resent with the same key and must be
    // answered the same, without a second retry.
    private async Task ClickRetryAsync(EInvoiceView parked)
    {
        if (!hq.IsUp)
        {
            Count("e-invoice retry: HQ down at the click, left for a later visit");
            return;
        }

        var key = hq.NextOperationKey();
        var (status, body) = await RetryAsync(parked.ClientOrderId, key);
        var outcome = status switch
        {
            HttpStatusCode.OK => $"e-invoice retry: parked {parked.DocType} back to pending, without a fix",
            HttpStatusCode.Conflict => $"e-invoice retry: parked {parked.DocType} had moved on by the click (409)",
            _ => throw Unexpected(parked.DocNo, status, body),
        };
        Count(outcome);
        trace.Add(Now, $"second manager retries e-invoice {parked.DocNo}: {(int)status}");
        if (status == HttpStatusCode.OK && random.NextDouble() < AnswerLostShare)
        {
            var again = await RetryAsync(parked.ClientOrderId, key);
            if (again != (status, body))
            {
                throw new InvalidOperationException($"Seed {options.Seed}: the retry of {parked.DocNo} resent with key {key} answered {(int)again.Status} {again.Body}, first {(int)status} {body}.");
            }

            Count("e-invoice retry: answer lost, same Idempotency-Key resent, same answer");
        }
    }

    // A retry of a bill that is not parked changes nothing: a registered one answers 409, a B2C sale (no e-invoice) 404.
    private async Task StrayRetriesAsync()
    {
        if (random.NextDouble() < StrayRetryShare
            && (await EInvoiceDesk.ListAsync(hq, options.Seed, EInvoiceStatuses.Registered, CancellationToken.None)) is { Count: > 0 } registered)
        {
            var bill = registered[random.Next(registered.Count)];
            await ExpectAsync(bill.ClientOrderId, bill.DocNo, HttpStatusCode.Conflict, "e-invoice retry: registered bill refused (409), unchanged");
        }

        if (random.NextDouble() < StrayRetryShare && await NewestB2cSaleAsync() is { } b2c)
        {
            await ExpectAsync(b2c.ClientOrderId, b2c.BillNo, HttpStatusCode.NotFound, "e-invoice retry: B2C bill refused (404, no e-invoice)");
        }
    }

    private async Task ExpectAsync(Guid clientOrderId, string docNo, HttpStatusCode expected, string outcome)
    {
        var (status, body) = await RetryAsync(clientOrderId, hq.NextOperationKey());
        if (status != expected)
        {
            throw Unexpected(docNo, status, body);
        }

        Count(outcome);
        trace.Add(Now, $"second manager retries {docNo}: {(int)status}");
    }

    private async Task<(HttpStatusCode Status, string Body)> RetryAsync(Guid clientOrderId, string key)
    {
        using var answer = await hq.ManagerSendAsync(HttpMethod.Post, $"/api/v1/einvoices/{clientOrderId:D}/retry", null, key, CancellationToken.None);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    // The newest committed sale HQ holds no e-invoice for: a B2C bill.
    private async Task<(Guid ClientOrderId, string BillNo)?> NewestB2cSaleAsync()
    {
        await using var connection = await hq.Services.GetRequiredService<HqDatabase>().OpenAsync(CancellationToken.None);
        return await connection.Command($"""
            SELECT o.client_order_id, o.bill_no FROM orders o
            WHERE o.status = '{OrderStatuses.Committed}' AND NOT EXISTS (SELECT 1 FROM einvoices e WHERE e.client_order_id = o.client_order_id)
            ORDER BY o.hq_seq DESC LIMIT 1
            """).FirstOrDefaultAsync<(Guid, string)?>(r => (Guid.Parse(r.GetString(0)), r.GetString(1)), CancellationToken.None);
    }

    private InvalidOperationException Unexpected(string docNo, HttpStatusCode status, string body) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Seed {options.Seed}: HQ answered the retry of {docNo} {(int)status} {body}"));
}
