using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Hq.Orders;
using TillSync.Simulation.Invariants;
using TillSync.Simulation.Network;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;

namespace TillSync.Simulation.Runs;

/// <summary>What happens in the shop while the network misbehaves: cashiers log in, open and close shifts and move cash
/// (<see cref="ShiftDesk"/>), ring up sales on every till (burning points above the offline limit with one-time codes:
/// <see cref="LoyaltyDesk"/>) and take returns (<see cref="ReturnDesk"/>), the manager changes
/// prices at HQ (<see cref="CatalogueDesk"/>), decides review items (<see cref="ReviewDesk"/>), the sync agents
/// step when they ask to, stock arrives at HQ, and faults strike — tills cut off for minutes, hours or days and healed
/// in random order, HQ and tills crashing and restarting. Every decision comes from the run's seeded
/// <see cref="Random"/>, in event order.</summary>
public sealed class ShopFloor(
    SimulationOptions options, FakeTimeProvider clock, Random random, Timeline queue, Trace trace, SimulatedNetwork network, HqNode hq,
    IReadOnlyList<TillNode> tills, Dictionary<string, long> receivedMilliBySku, SaleMaker sales, ReturnDesk returns,
    ReviewDesk reviews, ShiftDesk shifts, CatalogueDesk catalogue, LoyaltyDesk loyalty)
{
    /// <summary>The tills' longest backoff; longer than production's 10 s so that a till offline for days takes hundreds
    /// of steps, not tens of thousands.</summary>
    public static readonly TimeSpan SyncBackoffMax = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan SaleIntervalMean = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan OfflineSaleIntervalMean = TimeSpan.FromMinutes(40);

    // Faults strike between sales (at fault rate 0.3, about one in thirteen sales) rather than on a timer, so that a
    // run that idles for days while one till is offline does not pile up hundreds of HQ restarts.
    private const double FaultsPerSalePerFaultRate = 0.25;
    // Deliveries of 5 to 40 units per till every 20 minutes on average come to a little less than the tills sell, so
    // on-hand keeps crossing zero both ways: some sales fall short, and later deliveries make up for them.
    private static readonly TimeSpan ReceiptIntervalMean = TimeSpan.FromMinutes(20);

    // About one customer in seven comes back with goods, on average half an hour after some sale; a till that is down or
    // has no catalogue yet sends them to come back a little later.
    private const double ReturnsPerSale = 0.15;
    private static readonly TimeSpan ReturnDelayMean = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ReturnRetryDelay = TimeSpan.FromMinutes(5);

    // The manager changes some prices about once an hour while the shop sells, so that most runs bill some sales at a
    // price HQ has since changed, and a till offline for days misses many changes.
    private static readonly TimeSpan PriceChangeIntervalMean = TimeSpan.FromHours(1);

    // The manager looks at the review page about every three quarters of an hour while the shop sells.
    private static readonly TimeSpan ManagerRoundIntervalMean = TimeSpan.FromMinutes(45);

    // An idle till heartbeats every 15 s; stretching that to two hours keeps a days-long run cheap and changes nothing
    // that matters: a heartbeat carries no sales, and every new sale wakes the agent at once.
    private static readonly TimeSpan IdleStepInterval = TimeSpan.FromHours(2);

    private readonly int[] _planned = [.. Enumerable.Range(0, options.Tills).Select(i => (options.Orders / options.Tills) + (i < options.Orders % options.Tills ? 1 : 0))];
    private readonly int[] _recorded = new int[options.Tills];
    private readonly int[] _crashes = new int[options.Tills];
    private readonly DateTimeOffset[] _sellingSlowlyUntil = new DateTimeOffset[options.Tills];
    private readonly Dictionary<string, int> _faults = [];
    private bool _faultsStopped;

    /// <summary>The store LAN, or null (<see cref="SimulationOptions.Lan"/>).</summary>
    public Lan.StoreLan? Lan { get; init; }

    /// <summary>Sales recorded so far.</summary>
    public int OrdersRecorded => _recorded.Sum();

    /// <summary>True once every planned sale is recorded and no till is cut off.</summary>
    public bool SellingDone => _recorded.AsSpan().SequenceEqual(_planned) && !network.AnyCutOff;

    /// <summary>Starts the tills and schedules the first sales, steps, stock deliveries and faults.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        foreach (var till in tills)
        {
            await RestartTillAsync(till);
            ScheduleSale(till);
        }

        queue.Schedule(Now + Exponential(ReceiptIntervalMean), SimEventKind.StockReceipt, () => StockReceiptAsync(cancellationToken));
        queue.Schedule(Now + Exponential(ManagerRoundIntervalMean), SimEventKind.ManagerRound, () => ManagerRoundAsync(cancellationToken));
        queue.Schedule(Now + Exponential(PriceChangeIntervalMean), SimEventKind.PriceChange, () => PriceChangeAsync(cancellationToken));
        if (options.FaultRate > 0)
        {
            if (random.NextDouble() < 0.2)
            {
                var till = tills[random.Next(tills.Count)];
                var startsIn = SaleIntervalMean * (_planned[till.Number - 1] * random.NextDouble() / 2);
                queue.Schedule(Now + startsIn, SimEventKind.Fault, () => LongOutageAsync(till));
            }
        }
    }

    /// <summary>No new faults from now on (the drain).</summary>
    public void StopFaults() => _faultsStopped = true;

    /// <summary>Starts <paramref name="till"/> over its file if it is down, and lets its agent step at once.</summary>
    public async Task RestartTillAsync(TillNode till)
    {
        if (till.IsUp)
        {
            return;
        }

        await till.StartAsync(new TillLink(network, till.Number), new Random(random.Next()), CancellationToken.None);
        trace.Add(Now, $"till {till.Number} starts");
        ScheduleStep(till, Now);
    }

    /// <summary>The day ends: every till (started over if it is down) closes the shift it still holds open, if any.</summary>
    public async Task EndDayAsync()
    {
        foreach (var till in tills)
        {
            await RestartTillAsync(till);
            if (till.Snapshot is not null)
            {
                await shifts.EndDayAsync(till);
            }
        }
    }

    /// <summary>The report of the run, with the e-invoice portal's faults and what became of the e-invoices.</summary>
    public SimulationReport Report(
        RunFacts facts, IReadOnlyList<Verdict> verdicts, TimeSpan span, IReadOnlyList<(string, int)> portalFaults, IReadOnlyList<(string, int)> einvoicing)
    {
        var counters = network.Counters;
        var rows = facts.Tills.Select(t =>
        {
            var atHq = facts.HqOrders.Where(o => o.TillId == t.TillId).ToList();
            return new TillRow(t.Number, t.Sales.Count, atHq.Count, counters.DuplicatesByTill.GetValueOrDefault(t.Number),
                counters.ConflictsByTill.GetValueOrDefault(t.Number), atHq.Count(o => o.Status == OrderStatuses.Rejected),
                atHq.Count(o => OrderStatuses.ParseFlags(o.Flags).Contains(OrderFlags.StockShort)), _crashes[t.Number - 1], t.Returns.Count,
                facts.Money.Returns.Count(r => r.TillId == t.TillId), t.ZReports.Count, facts.Shifts.HqShifts.Count(s => s.TillId == t.TillId && s.ZNumber is not null));
        }).ToList();
        List<(string, int)> faults =
        [
            .. _faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)),
            .. Enum.GetValues<Fate>().Where(f => f != Fate.Deliver).Select(f => ($"request: {f}", counters.Of(f))),
            ("request: refused (cut off or HQ down)", counters.Refused),
            ("delayed copies lost", counters.StaleCopiesLost),
            ("HQ starts", hq.Starts),
            .. portalFaults,
        ];
        return new SimulationReport(options, trace.Hash(), trace.Count, span, rows, faults,
            [.. shifts.Counts, .. catalogue.Counts, .. returns.Counts, .. reviews.Counts, .. loyalty.Counts, .. facts.Loyalty.Counts], einvoicing, verdicts, trace.Tail());
    }

    /// <summary>Lets till <paramref name="tillNumber"/>'s agent step now, as the till's own wake-up does (its store LAN
    /// exchange stored copies to relay).</summary>
    public void WakeAgent(int tillNumber)
    {
        var till = tills[tillNumber - 1];
        if (till.IsUp && till.NextStepAt > Now)
        {
            ScheduleStep(till, Now);
        }
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan Exponential(TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());

    private void Count(string fault) => _faults[fault] = _faults.GetValueOrDefault(fault) + 1;

    private void ScheduleSale(TillNode till)
    {
        var i = till.Number - 1;
        if (_recorded[i] < _planned[i])
        {
            var mean = _sellingSlowlyUntil[i] > Now ? OfflineSaleIntervalMean : SaleIntervalMean;
            queue.Schedule(Now + Exponential(mean), SimEventKind.Sale, () => SellAsync(till));
        }
    }

    private async Task SellAsync(TillNode till)
    {
        if (!till.IsUp || till.Snapshot is null)
        {
            // The cashier waits for the till to come back (or for its first catalogue).
            queue.Schedule(Now + TimeSpan.FromSeconds(30), SimEventKind.Sale, () => SellAsync(till));
            return;
        }

        await shifts.ReadyAsync(till);
        var (sale, tillDied) = await loyalty.PrepareAsync(till, till.Snapshot, await sales.NextAsync(till, Now, CancellationToken.None), CancellationToken.None);
        if (tillDied)
        {
            // The till died before it read HQ's answer to a loyalty call; the customer waits for it to come back.
            await CrashTillAsync(till, "before reading HQ's loyalty answer", loyalty.Downtime());
            queue.Schedule(Now + TimeSpan.FromSeconds(30), SimEventKind.Sale, () => SellAsync(till));
            return;
        }

        if (Lan is { CashierHoldsToStock: true } lan)
        {
            if (await lan.WithinKnownStockAsync(till, sale) is not { } held)
            {
                // Nothing of the cart is in stock as the till knows it: the customer leaves without a bill.
                _recorded[till.Number - 1]++;
                trace.Add(Now, $"till {till.Number}: customer leaves, nothing of the cart in stock as the till knows it");
                ScheduleSale(till);
                return;
            }

            sale = held;
        }

        // The cashier chose any burn from the balance the till checks it against (SaleMaker), so the till refuses nothing
        // here: a refusal is a bug in the till or in the simulation, and stops the run.
        var (receipt, problem) = await till.SellAsync(sale, CancellationToken.None);
        if (receipt is null)
        {
            throw new InvalidOperationException($"Seed {options.Seed}: till {till.Number} refused a simulated sale: {problem}");
        }

        shifts.Sold(till, sale, receipt);
        catalogue.Rang(till, receipt);
        _recorded[till.Number - 1]++;
        returns.Sold(till.Number, receipt);
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture,
            $"till {till.Number} sale seq {receipt.TillSeq} {receipt.ClientOrderId} {receipt.BillNo} {receipt.Totals.TotalPaise}p{(receipt.B2b ? " b2b" : "")}"));
        if (till.NextStepAt > Now)
        {
            ScheduleStep(till, Now); // a new sale wakes the agent
        }

        ScheduleSale(till);
        if (random.NextDouble() < ReturnsPerSale)
        {
            var counter = tills[random.Next(tills.Count)];
            queue.Schedule(Now + Exponential(ReturnDelayMean), SimEventKind.Return, () => ReturnAsync(counter));
        }

        await BetweenCustomersAsync(till);
        if (random.NextDouble() < options.FaultRate * FaultsPerSalePerFaultRate)
        {
            await FaultAsync();
        }
    }

    private async Task ReturnAsync(TillNode till)
    {
        if (!till.IsUp || till.Snapshot is null)
        {
            queue.Schedule(Now + ReturnRetryDelay, SimEventKind.Return, () => ReturnAsync(till));
            return;
        }

        await shifts.ReadyAsync(till);
        if (!await returns.ServeAsync(till))
        {
            return;
        }

        if (till.NextStepAt > Now)
        {
            ScheduleStep(till, Now); // a new return wakes the agent
        }

        await BetweenCustomersAsync(till);
    }

    private async Task BetweenCustomersAsync(TillNode till)
    {
        if (await shifts.AfterDocumentAsync(till))
        {
            Count("till crash before the page read its Z report");
            await CrashTillAsync(till, "before the page read its Z report");
        }
        else if (till.NextStepAt > Now)
        {
            ScheduleStep(till, Now); // a cash movement or a close wakes the agent
        }
    }

    private void ScheduleStep(TillNode till, DateTimeOffset at)
    {
        var generation = ++till.StepGeneration;
        till.NextStepAt = at;
        queue.Schedule(at, SimEventKind.AgentStep, () => StepAsync(till, generation));
    }

    private async Task StepAsync(TillNode till, long generation)
    {
        if (generation != till.StepGeneration || !till.IsUp)
        {
            return;
        }

        var wait = await till.StepAsync(CancellationToken.None);
        if (till.CrashRequested)
        {
            await CrashTillAsync(till, "before reading HQ's answer");
            return;
        }

        var depth = await till.QueueDepthAsync(CancellationToken.None);
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"till {till.Number} step: queue {depth}, next in {wait.TotalSeconds:0.000} s"));
        ScheduleStep(till, Now + (depth == 0 && wait > TimeSpan.Zero && wait < IdleStepInterval ? IdleStepInterval : wait));
    }

    private async Task CrashTillAsync(TillNode till, string when, TimeSpan? downtimeDrawn = null)
    {
        await till.CrashAsync();
        till.StepGeneration++;
        _crashes[till.Number - 1]++;
        var downtime = downtimeDrawn ?? TimeSpan.FromMilliseconds(random.Next(2_000, 600_000));
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"till {till.Number} crash {when}; restart in {downtime.TotalSeconds:0.000} s"));
        queue.Schedule(Now + downtime, SimEventKind.Fault, () => RestartTillAsync(till));
    }

    private async Task FaultAsync()
    {
        var pick = random.Next(100);
        if (pick < 30)
        {
            CutOff(tills[random.Next(tills.Count)], TimeSpan.FromSeconds(random.Next(10, 1_200)), "till cut off (minutes)");
        }
        else if (pick < 40)
        {
            foreach (var till in tills)
            {
                CutOff(till, TimeSpan.FromSeconds(random.Next(10, 1_800)), "till cut off with all others (HQ's link down)");
            }
        }
        else if (pick < 60)
        {
            if (hq.IsUp)
            {
                Count("HQ crash while idle");
                await network.CrashHqAsync(TimeSpan.FromMilliseconds(random.Next(1_000, 300_000)), "idle");
            }
        }
        else if (pick < 85)
        {
            var till = tills[random.Next(tills.Count)];
            if (till.IsUp)
            {
                Count("till crash between steps");
                await CrashTillAsync(till, "between steps");
            }
        }
        else
        {
            CutOff(tills[random.Next(tills.Count)], TimeSpan.FromMinutes(random.Next(60, 360)), "till cut off (hours)");
        }
    }

    private Task LongOutageAsync(TillNode till)
    {
        if (!_faultsStopped)
        {
            var outage = TimeSpan.FromHours(24 + random.Next(0, 49));
            _sellingSlowlyUntil[till.Number - 1] = Now + outage;
            CutOff(till, outage, "till offline for days");
        }

        return Task.CompletedTask;
    }

    private void CutOff(TillNode till, TimeSpan duration, string fault)
    {
        Count(fault);
        network.CutOff(till.Number, Now + duration);
        trace.Add(Now, string.Create(CultureInfo.InvariantCulture, $"till {till.Number} cut off for {duration.TotalMinutes:0.0} min"));
        queue.Schedule(Now + duration, SimEventKind.Fault, () =>
        {
            trace.Add(Now, $"till {till.Number} link {(network.IsCutOff(till.Number) ? "still cut" : "healed")}");
            return Task.CompletedTask;
        });
    }

    private async Task ManagerRoundAsync(CancellationToken cancellationToken)
    {
        if (_recorded.AsSpan().SequenceEqual(_planned))
        {
            return;
        }

        await reviews.RoundAsync(cancellationToken);
        queue.Schedule(Now + Exponential(ManagerRoundIntervalMean), SimEventKind.ManagerRound, () => ManagerRoundAsync(cancellationToken));
    }

    private async Task PriceChangeAsync(CancellationToken cancellationToken)
    {
        if (_recorded.AsSpan().SequenceEqual(_planned))
        {
            return;
        }

        await catalogue.ChangePricesAsync(cancellationToken);
        queue.Schedule(Now + Exponential(PriceChangeIntervalMean), SimEventKind.PriceChange, () => PriceChangeAsync(cancellationToken));
    }

    private async Task StockReceiptAsync(CancellationToken cancellationToken)
    {
        if (_recorded.AsSpan().SequenceEqual(_planned))
        {
            return;
        }

        if (hq.IsUp)
        {
            var lines = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => SimCatalog.Products[random.Next(SimCatalog.Products.Count)])
                .DistinctBy(p => p.Sku)
                .Select(p => new StockReceiptLine(p.Sku, random.Next(5, 41) * tills.Count))
                .ToList();
            await Manager.ReceiveAsync(hq, receivedMilliBySku, lines, "delivery", cancellationToken);
            trace.Add(Now, $"stock received: {string.Join(", ", lines.Select(l => $"{l.Sku} {l.Qty}"))}");
        }

        queue.Schedule(Now + Exponential(ReceiptIntervalMean), SimEventKind.StockReceipt, () => StockReceiptAsync(cancellationToken));
    }
}
