using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TillSync.Simulation.EInvoicing;
using TillSync.Simulation.Invariants;
using TillSync.Simulation.Lan;
using TillSync.Simulation.Network;
using TillSync.Simulation.Nodes;
using TillSync.Simulation.Shop;

namespace TillSync.Simulation.Runs;

/// <summary>Runs one seed: HQ, the tills and the e-invoice portal on one fake clock, driven by one event loop (nothing
/// races), through a selling phase full of faults, then a drain with every fault healed (where the day ends: every open
/// shift closes, and HQ registers every e-invoice it holds), then the invariant check. See <see cref="ShopFloor"/> for
/// what happens in the shop, <see cref="SimulatedNetwork"/> for the faults on the wire and <see cref="EInvoiceDesk"/>
/// for e-invoicing.</summary>
public static class Simulator
{
    /// <summary>When every run begins: a Monday morning in Bengaluru.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 4, 30, 0, TimeSpan.Zero);

    // A bound on the drain, far above what a healthy till needs (one step per 500 queued sales, plus a snapshot).
    private const int DrainStepsMax = 60;

    // Sets the e-invoice stream apart from the shop's for the same seed.
    private const int PortalStreamSalt = 0x1E1E;

    // Sets the loyalty code flow's stream apart from the shop's, for the same reason.
    private const int LoyaltyStreamSalt = 0x10CA;

    // Sets the second manager's e-invoice retries apart from the shop's and the portal's streams, for the same reason.
    private const int RetryStreamSalt = 0x2E72;

    // Sets the wholesale lots and their e-way bills apart from the other streams, for the same reason.
    private const int WholesaleStreamSalt = 0xE3B1;

    // Sets the manager's promotions apart from the other streams, for the same reason.
    private const int PromotionStreamSalt = 0x960E;

    // Sets the manager's cost changes apart from the other streams, for the same reason.
    private const int CostStreamSalt = 0xC057;

    // A bound on the selling phase, against a simulation that stops making progress.
    private const long EventsMax = 5_000_000;

    /// <summary>Runs <paramref name="options"/> and checks every invariant; <paramref name="progress"/> hears how far it got.</summary>
    public static async Task<SimulationReport> RunAsync(SimulationOptions options, Action<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        var problem = options.Problem();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var directory = Path.Combine(options.DataRoot ?? Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"tillsync-sim-{options.Seed}-{Environment.ProcessId}-{Interlocked.Increment(ref s_runs)}"));
        try
        {
            return await RunInAsync(directory, options, progress, cancellationToken);
        }
        finally
        {
            if (!options.KeepData && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static long s_runs;

    private static async Task<SimulationReport> RunInAsync(
        string directory, SimulationOptions options, Action<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = new FakeTimeProvider(Start);
        var random = new Random(options.Seed);
        // E-invoicing draws from a stream of its own, so that the shop's stream (and with it every sale, return and fault
        // of a seed) is the one it was before the portal joined the simulation.
        var portalRandom = new Random(unchecked((options.Seed * 397) ^ PortalStreamSalt));
        var queue = new Timeline();
        using var trace = new Trace();
        await using var portal = await SimulatedPortal.StartAsync(Path.Combine(directory, "irp"), clock, cancellationToken);
        using var line = new PortalLine(portal, clock, new Random(portalRandom.Next()), options.FaultRate, trace);
        await using var hq = new HqNode(Path.Combine(directory, "hq"), clock, options.ForgetKnownIds, options.Bug, line);
        await hq.StartAsync(cancellationToken);
        var (received, staff) = await Manager.SetUpHqAsync(hq, random, cancellationToken);
        // The store LAN draws from streams of its own (ADR 0022), so that the shop's stream of a seed is drawn as without it.
        var lan = options.Lan == LanScenario.None ? null : new StoreLan(options.Lan, options.Seed, clock, trace);
        var tills = new List<TillNode>();
        for (var n = 1; n <= options.Tills; n++)
        {
            var enrolment = await Manager.EnrolAsync(hq, n, cancellationToken);
            tills.Add(new TillNode(n, enrolment, Path.Combine(directory, $"till-{n}"), clock, ShopFloor.SyncBackoffMax, options.TillBug, lan));
        }

        try
        {
            var loyaltyRandom = new Random(unchecked((options.Seed * 397) ^ LoyaltyStreamSalt));
            var network = new SimulatedNetwork(clock, new Random(random.Next()), new Random(loyaltyRandom.Next()), options.FaultRate, hq, tills, queue, trace)
            {
                RelayDraws = lan?.RelayFates,
            };
            var papers = new CustomerPapers();
            var sales = new SaleMaker(new Random(random.Next()), papers);
            var shifts = new ShiftDesk(options, clock, new Random(random.Next()), trace, staff);
            var catalogue = new CatalogueDesk(clock, new Random(random.Next()), trace, hq);
            var returns = new ReturnDesk(options, clock, new Random(random.Next()), trace, tills, papers, sales, shifts, catalogue);
            var reviews = new ReviewDesk(options, clock, new Random(random.Next()), trace, hq);
            var loyalty = new LoyaltyDesk(clock, new Random(loyaltyRandom.Next()), trace, hq);
            var floor = new ShopFloor(options, clock, random, queue, trace, network, hq, tills, received, sales, returns, reviews, shifts, catalogue, loyalty)
            {
                Lan = lan,
            };
            var lanFaults = lan is null ? null : new LanFaults(lan, clock, queue, trace, network, options.Tills);
            lan?.Open(queue, options.Tills, floor.WakeAgent);
            var einvoices = new EInvoiceDesk(options, clock, new Random(portalRandom.Next()), queue, trace, hq, network, line);
            var retries = new EInvoiceRetryDesk(options, clock, new Random(unchecked((options.Seed * 397) ^ RetryStreamSalt)), queue, trace, hq);
            var wholesaleRandom = new Random(unchecked((options.Seed * 397) ^ WholesaleStreamSalt));
            var wholesale = new WholesaleDesk(clock, new Random(wholesaleRandom.Next()), queue, trace, tills, shifts, catalogue, lan);
            var ewayBills = new EwayBillDesk(options, clock, new Random(wholesaleRandom.Next()), queue, trace, hq);
            var promotions = new PromotionDesk(clock, new Random(unchecked((options.Seed * 397) ^ PromotionStreamSalt)), queue, trace, hq);
            var costs = new CostDesk(clock, new Random(unchecked((options.Seed * 397) ^ CostStreamSalt)), queue, trace, hq, catalogue);
            await floor.OpenAsync(cancellationToken);
            if (lan is not null)
            {
                await lan.IntroduceAsync(hq, tills, cancellationToken);
            }

            lanFaults?.Open(() => floor.OrdersRecorded >= options.Orders, options.FaultRate);
            einvoices.Open();
            retries.Open();
            wholesale.Open();
            ewayBills.Open();
            promotions.Open(() => floor.OrdersRecorded >= options.Orders);
            costs.Open();
            var events = 0L;
            while (!floor.SellingDone)
            {
                var next = queue.Next() ?? throw new InvalidOperationException($"Seed {options.Seed}: the event queue ran dry while selling.");
                await RunEventAsync(clock, next);
                Invariant(++events < EventsMax, options, "the selling phase did not finish");
                progress?.Invoke(new SimulationProgress("selling", floor.OrdersRecorded, options.Orders, clock.GetUtcNow() - Start));
            }

            progress?.Invoke(new SimulationProgress("draining", floor.OrdersRecorded, options.Orders, clock.GetUtcNow() - Start));
            lanFaults?.Stop();
            lan?.Heal();
            await DrainAsync(clock, queue, trace, network, floor, tills, cancellationToken);
            await einvoices.SettleAsync(cancellationToken);
            await ewayBills.SettleAsync(cancellationToken);
            await HearFromHqAsync(clock, trace, tills, cancellationToken);
            LanFacts? lanFacts = null;
            if (lan is not null)
            {
                await lan.SettleAsync();
                lanFacts = await LanFacts.ReadAsync(lan, hq, tills, cancellationToken);
            }

            progress?.Invoke(new SimulationProgress("checking", floor.OrdersRecorded, options.Orders, clock.GetUtcNow() - Start));
            var depths = new List<int>();
            foreach (var till in tills)
            {
                depths.Add(await till.QueueDepthAsync(cancellationToken));
                await till.CrashAsync();
            }

            await hq.CrashAsync();
            var facts = await RunFacts.ReadAsync(hq.DatabasePath,
                [.. tills.Select((t, i) => (t.Number, t.TillId, Path.Combine(t.DataDirectory, "till.db"), depths[i]))], received, reviews.BroughtInMilliBySku,
                shifts.Tallies, (catalogue.Changes, catalogue.Sales), reviews.StockDecisions, (portal.DatabasePath, line.RegisterCalls), clock.GetUtcNow(),
                cancellationToken);
            var report = floor.Report(facts, SimulationInvariants.Judge(facts), clock.GetUtcNow() - Start, [.. line.Counts, .. einvoices.Faults],
                [.. facts.EInvoices.Counts, .. einvoices.Counts, .. retries.Counts, .. wholesale.Counts, .. ewayBills.Counts, .. costs.Counts]);
            report = report with { Floor = [.. report.Floor, .. promotions.Counts] };
            return lan is null || lanFacts is null ? report
                : report with { Floor = [.. report.Floor, .. lan.Counts], Verdicts = [.. report.Verdicts, .. LanInvariants.Judge(facts.Money.Documents, lanFacts)] };
        }
        finally
        {
            foreach (var till in tills)
            {
                await till.DisposeAsync();
            }
        }
    }

    // Faults heal; what is still in flight arrives; every till syncs until its queue is empty (or the bound says it
    // never will, which the queues_drained invariant then reports).
    private static async Task DrainAsync(
        FakeTimeProvider clock, Timeline queue, Trace trace, SimulatedNetwork network, ShopFloor floor, IReadOnlyList<TillNode> tills,
        CancellationToken cancellationToken)
    {
        network.Heal();
        floor.StopFaults();
        trace.Add(clock.GetUtcNow(), "drain: every fault healed");
        await network.RestartHqAsync(cancellationToken);
        foreach (var till in tills)
        {
            await floor.RestartTillAsync(till);
        }

        await floor.EndDayAsync();

        while (queue.Next() is { } next)
        {
            if (next.Kind is SimEventKind.Delivery or SimEventKind.Fault)
            {
                await RunEventAsync(clock, next);
            }
        }

        foreach (var till in tills)
        {
            for (var step = 0; step < DrainStepsMax; step++)
            {
                var wait = await till.StepAsync(cancellationToken);
                var depth = await till.QueueDepthAsync(cancellationToken);
                trace.Add(clock.GetUtcNow(), $"drain till {till.Number}: queue {depth}");
                if (depth == 0)
                {
                    break;
                }

                clock.Advance(wait);
            }
        }
    }

    // Once HQ has registered everything, each till syncs once more (past its heartbeat interval) and so reads HQ's
    // updates: the registrations of its bills, which its reprints show.
    private static async Task HearFromHqAsync(FakeTimeProvider clock, Trace trace, IReadOnlyList<TillNode> tills, CancellationToken cancellationToken)
    {
        clock.Advance(Till.Sync.SyncAgent.HeartbeatInterval);
        foreach (var till in tills)
        {
            await till.StepAsync(cancellationToken);
            trace.Add(clock.GetUtcNow(), $"drain till {till.Number}: heard from HQ");
        }
    }

    private static async Task RunEventAsync(FakeTimeProvider clock, SimEvent next)
    {
        if (next.At > clock.GetUtcNow())
        {
            clock.SetUtcNow(next.At);
        }

        await next.Run();
    }

    private static void Invariant(bool holds, SimulationOptions options, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"Seed {options.Seed}: {what}.");
        }
    }
}
