// Property: after any mix of sales (B2C and B2B, intra- and inter-state, dated on days either side of month and year
// ends and either side of midnight IST), returns, stock receipts and adjustments, resolutions and replays, in two stores
// whose tills sync at once, the trial balance, GST summary and day's sales (by day and by month) HQ answers from its
// maintained balances (day rows and the monthly roll-up) equal the same reports scanned from every posting and line
// (LedgerScan, on a direct connection), for all time and for random periods — whole months, parts of months, open
// ends — and stores.
using System.Globalization;
using System.Text.Json;
using CsCheck;
using TillSync.Contracts;
using TillSync.Contracts.Accounting;
using TillSync.Contracts.Documents;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Stock;
using TillSync.Contracts.Sync;
using TillSync.Contracts.Tills;
using TillSync.Hq.Accounting;
using TillSync.Hq.Storage;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Accounting;

public sealed class LedgerBalancePropertyTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const int TillCount = 3;

    // The days the generated documents fall on (in the past: HQ refuses a bill dated ahead of its clock), either side of
    // month and year ends; their times straddle midnight IST, where the UTC date differs (00:05 IST on the 1st is the
    // last day of the month before in UTC).
    private static readonly DateOnly[] Days =
        [new(2025, 11, 27), new(2025, 11, 30), new(2025, 12, 1), new(2025, 12, 31), new(2026, 1, 1), new(2026, 1, 16), new(2026, 2, 28), new(2026, 3, 1)];

    // Period ends the random periods choose from besides any day: the first and last days of the months above.
    private static readonly DateOnly[] MonthEdges =
        [new(2025, 11, 1), new(2025, 11, 30), new(2025, 12, 1), new(2025, 12, 31), new(2026, 1, 1), new(2026, 1, 31), new(2026, 2, 1), new(2026, 2, 28), new(2026, 3, 1), new(2026, 3, 31)];

    private static readonly TimeSpan[] TimesOfDay = [new(0, 5, 0), new(5, 29, 0), new(5, 31, 0), new(12, 0, 0), new(23, 55, 0)];
    private static readonly TimeSpan Ist = new(5, 30, 0);

    private static readonly string[] Resolutions =
        [ResolutionActions.WriteOff, ResolutionActions.TransferIn, ResolutionActions.CreditNote, ResolutionActions.Backorder];

    private enum Step { Sell = 1, SellAtOnce, Return, Receipt, Adjustment, Resolution, Replay }

    private sealed record Op(Step Step, int Till, int Count, int Day, int Pick);

    private static readonly Gen<Op> OpGen = Gen.Select(Gen.Int[1, 7], Gen.Int[0, TillCount - 1], Gen.Int[1, 6], Gen.Int[0, Days.Length - 1], Gen.Int[0, 1_000],
        (step, till, count, day, pick) => new Op((Step)step, till, count, day, pick));

    // A period end: open, a month's first or last day, or any day from a month before the first sale to a month after the last.
    private static readonly Gen<DateOnly?> EndGen = Gen.OneOf(
        Gen.Const((DateOnly?)null),
        Gen.Int[0, MonthEdges.Length - 1].Select(i => (DateOnly?)MonthEdges[i]),
        Gen.Int[0, 150].Select(n => (DateOnly?)new DateOnly(2025, 10, 20).AddDays(n)));

    // A period and a store: 0 the chain, 1 the default store, 2 the second store.
    private static readonly Gen<(DateOnly? From, DateOnly? To, int Store)> PeriodGen = Gen.Select(EndGen, EndGen, Gen.Int[0, 2],
        (a, b, store) => a is { } x && b is { } y && x > y ? (b, a, store) : (a, b, store));

    private sealed record Run(Op[] Ops, (DateOnly? From, DateOnly? To, int Store)[] Periods);

    private readonly List<TillClient> _tills = [];
    private readonly List<ReturnFactory> _returns = [];
    private readonly List<(OrderDto Sale, TillClient Till)> _sold = [];
    private readonly Dictionary<TillClient, List<TillDocumentDto>> _lastSynced = [];
    private long _secondStoreId;

    [Fact]
    public async Task AnyMixOfEvents_MaintainedBalancesEqualAFullScan()
    {
        await SetUpAsync();
        await Gen.Select(OpGen.Array[1, 12], PeriodGen.Array[8], (ops, periods) => new Run(ops, periods)).SampleAsync(async run =>
        {
            foreach (var op in run.Ops)
            {
                await ApplyAsync(op);
            }

            await AssertBalancesEqualScanAsync(run.Periods);
        }, iter: 15, threads: 1);
    }

    // Two tills in the default store and one in a second store of the same state (so the factories' GST is right).
    private async Task SetUpAsync()
    {
        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        var second = await Responses.ExpectAsync(
            await client.PostAsync("/api/v1/stores", System.Net.Http.Json.JsonContent.Create(
                HqScenario.Store with { LegalName = "Indiranagar Provisions Private Limited", Address1 = "80 Feet Road" }, TillSyncJsonContext.Default.StoreDto)),
            System.Net.HttpStatusCode.Created, TillSyncJsonContext.Default.StoreView, fixture.Hq);
        _secondStoreId = second.StoreId;
        await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest(
            [.. HqScenario.Products.Select(p => new StockReceiptLine(p.Sku, 1_000))], _secondStoreId, "opening stock"));
        for (var i = 0; i < TillCount; i++)
        {
            var enrolment = i < TillCount - 1
                ? (await fixture.EnrolTillAsync(version: SyncVersion.V2)).Enrolment
                : await Responses.ExpectAsync(await fixture.Manager.EnrolTillRawAsync(new TillEnrolmentRequest("Indiranagar counter", _secondStoreId)),
                    System.Net.HttpStatusCode.Created, TillSyncJsonContext.Default.TillEnrolmentResult, fixture.Hq);
            var till = new TillClient(fixture.Hq, enrolment, SyncVersion.V2);
            _tills.Add(till);
            _returns.Add(new ReturnFactory(till.Orders, till.BillPrefix));
            _lastSynced[till] = [];
        }
    }

    private async Task ApplyAsync(Op op)
    {
        var till = _tills[op.Till];
        switch (op.Step)
        {
            case Step.Sell:
                await SyncAsync(till, Sales(till, op));
                break;
            case Step.SellAtOnce:
                // Every till at once: batches of both stores add to the same days' balances concurrently.
                await Task.WhenAll(_tills.Select(t => SyncAsync(t, Sales(t, op))));
                break;
            case Step.Return when _sold.Count > 0:
                var (original, originalTill) = _sold[op.Pick % _sold.Count];
                var line = op.Pick % original.Lines.Count;
                var qty = Math.Min(1m, original.Lines[line].Qty);
                // A credit note is never dated before its bill.
                var at = At(op.Day, op.Pick) is var day && day >= original.CreatedAt ? day : original.CreatedAt.AddMinutes(1);
                var document = _returns[op.Till].Next(original, originalTill.TillId, [(line + 1, qty, op.Pick % 2 == 0 ? "restock" : "damaged")],
                    createdAt: at);
                await SyncAsync(till, [document]);
                break;
            case Step.Receipt:
                await fixture.Manager.ReceiveStockAsync(new StockReceiptRequest(
                    [new StockReceiptLine(HqScenario.Products[op.Pick % HqScenario.Products.Count].Sku, op.Count)], StoreOf(till)));
                break;
            case Step.Adjustment:
                await fixture.Manager.AdjustStockAsync(new StockAdjustmentRequest(
                    [new StockAdjustmentLine(HqScenario.Products[op.Pick % HqScenario.Products.Count].Sku, op.Pick % 2 == 0 ? -op.Count : op.Count)],
                    "count", StoreOf(till)));
                break;
            case Step.Resolution:
                await OversellAndResolveAsync(op);
                break;
            case Step.Replay when _lastSynced[till].Count > 0:
                Assert.All((await till.SyncDocumentsAsync(_lastSynced[till])).Results, r => Assert.Equal(SyncStatus.Duplicate, r.Status));
                break;
        }
    }

    // A default-store sale beyond on-hand opens a shortfall; a manager resolves it with any action.
    private async Task OversellAndResolveAsync(Op op)
    {
        var till = _tills[0];
        var product = HqScenario.Products.Where(p => p.Unit != "KGS").ElementAt(op.Pick % (HqScenario.Products.Count - 1));
        var sale = till.Orders.Build(till.Orders.NextSeq++,
            [OrderFactory.Line(product.Sku, Math.Max(0, await fixture.Manager.OnHandAsync(product.Sku)) + op.Count)],
            op.Pick % 3 == 0 ? HqScenario.B2BInterState : null, At(op.Day, op.Pick));
        await SyncAsync(till, [TillClient.SaleDocument(sale)]);
        var review = Assert.Single((await fixture.Manager.ListReviewsAsync($"status=open&kind=stock_short&sku={product.Sku}&order=newest&limit=200")).Items,
            r => r.ClientOrderId == sale.ClientOrderId);
        var action = Resolutions[op.Pick % Resolutions.Length];
        var fromStore = action == ResolutionActions.TransferIn && op.Pick % 2 == 0 ? _secondStoreId : (long?)null;
        await fixture.Manager.ResolveAsync(review.ReviewId,
            new ReviewResolutionRequest(action, "balances property", Guid.CreateVersion7(), Qty: 1 + (op.Pick % op.Count), FromStoreId: fromStore));
    }

    private static List<TillDocumentDto> Sales(TillClient till, Op op) =>
        [.. Enumerable.Range(0, op.Count).Select(i => TillClient.SaleDocument(
            till.Orders.Build(till.Orders.NextSeq++, till.Orders.RandomLines(), ((op.Pick + i) % 4) switch
            {
                0 => HqScenario.B2BIntraState,
                1 => HqScenario.B2BInterState,
                _ => null,
            }, At(op.Day, op.Pick + i))))];

    private async Task SyncAsync(TillClient till, List<TillDocumentDto> documents)
    {
        Assert.All((await till.SyncDocumentsAsync(documents)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));
        _lastSynced[till] = documents;
        _sold.AddRange(documents.Where(d => d.Sale is not null).Select(d => (d.Sale!, till)));
    }

    private long StoreOf(TillClient till) => till == _tills[^1] ? _secondStoreId : 1;

    private static DateTimeOffset At(int day, int pick) =>
        new(Days[day].ToDateTime(TimeOnly.FromTimeSpan(TimesOfDay[pick % TimesOfDay.Length])), Ist);

    private async Task AssertBalancesEqualScanAsync((DateOnly? From, DateOnly? To, int Store)[] randomPeriods)
    {
        var periods = new List<(string? From, string? To, long? StoreId)> { (null, null, null), (null, null, 1), (null, null, _secondStoreId) };
        periods.AddRange(randomPeriods.Select(p => (Text(p.From), Text(p.To), p.Store switch { 0 => (long?)null, 1 => 1, _ => _secondStoreId })));
        var ledger = new LedgerClient(fixture.Hq);
        await using var database = fixture.Hq.Postgres is { } postgres ? HqDatabase.Postgres(postgres) : HqDatabase.Sqlite(fixture.Hq.DataDir);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var snapshot = await database.BeginReadAsync(connection, CancellationToken.None);
        foreach (var (from, to, storeId) in periods)
        {
            var period = new LedgerPeriod(Date(from), Date(to), storeId);
            var context = $"period {from ?? "start"}..{to ?? "end"}, store {storeId?.ToString(CultureInfo.InvariantCulture) ?? "all"}";
            AssertSameJson(await LedgerScan.TrialBalanceAsync(snapshot, period, CancellationToken.None),
                await ledger.TrialBalanceAsync(from, to, storeId), TillSyncJsonContext.Default.TrialBalanceView, context);
            AssertSameJson(await LedgerScan.GstSummaryAsync(snapshot, period, CancellationToken.None),
                await ledger.GstSummaryAsync(from, to, storeId), TillSyncJsonContext.Default.GstSummaryView, context);
            var scannedDays = await LedgerScan.DaySalesAsync(snapshot, period, CancellationToken.None);
            AssertSameJson(scannedDays, await ledger.DaySalesAsync(from, to, storeId, DaySalesGrain.Day), TillSyncJsonContext.Default.DaySalesView, context);
            AssertSameJson(ByMonth(period, scannedDays), await ledger.DaySalesAsync(from, to, storeId, DaySalesGrain.Month),
                TillSyncJsonContext.Default.DaySalesView, context + ", by month");
        }
    }

    // The scanned days summed per calendar month: what the month grain must answer from the roll-up and the edge days.
    private static DaySalesView ByMonth(LedgerPeriod period, DaySalesView days) =>
        DaySales.Of(period, [.. days.Days.GroupBy(d => d.Date![..7]).Select(month => DaySales.Day(month.Key, [
            month.Sum(d => d.Bills), month.Sum(d => d.TaxablePaise), month.Sum(d => d.TaxPaise), month.Sum(d => d.TotalPaise),
            month.Sum(d => d.CreditNotes), month.Sum(d => d.CreditNoteTaxablePaise), month.Sum(d => d.CreditNoteTaxPaise),
            month.Sum(d => d.CreditNoteTotalPaise)]))], DaySalesGrain.Month);

    private static void AssertSameJson<T>(T scanned, T maintained, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string context) =>
        Assert.True(JsonSerializer.Serialize(scanned, type) == JsonSerializer.Serialize(maintained, type),
            $"{context}: scanned {JsonSerializer.Serialize(scanned, type)}\nmaintained {JsonSerializer.Serialize(maintained, type)}");

    private static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
