// Proves the loyalty ledger end to end against a real HQ: earn and offline burns move a customer's balance, which always
// equals the sum of its movements; a replay earns and burns nothing; two offline tills burning the same last points
// commit both, the second flagged loyalty_overdraft with a review item a write-off settles; and the journal stays balanced
// with liabilities:loyalty moving by exactly the value of the points outstanding.
using System.Net;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Reviews;
using TillSync.Contracts.Sync;
using TillSync.Hq.Tests.Accounting;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Loyalty;

public sealed class LoyaltyLedgerTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    private const string Liability = "liabilities:loyalty";
    private const string Expense = "expenses:loyalty";

    [Fact]
    public async Task EarnThenOfflineBurn_BalanceIsSumOfMovements_ReplayChangesNothing_LiabilityIsOutstandingValue()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
        var ledger = new LedgerClient(fixture.Hq);
        var booksBefore = await ledger.TrialBalanceAsync();
        var till = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        var earn = till.LoyaltySale(phone, earnPoints: 300, burnPoints: 0);
        var burn = till.LoyaltySale(phone, earnPoints: 7, burnPoints: 120);

        var results = (await till.SyncAsync([earn, burn])).Results;

        Assert.All(results, r => Assert.Equal((SyncStatus.Created, 0), (r.Status, r.Flags.Count)));
        var customer = await fixture.Manager.CustomerAsync(phone);
        Assert.Equal(300 - 120 + 7, customer.BalancePoints);
        Assert.Equal(customer.BalancePoints, customer.Movements.Sum(m => m.Points));
        Assert.Equal(customer.BalancePoints * 25, customer.BalancePaise);
        Assert.Equal(["earn", "burn", "earn"], customer.Movements.OrderBy(m => m.MovementId).Select(m => m.Kind));

        var replay = (await till.SyncAsync([earn, burn])).Results;

        Assert.All(replay, r => Assert.Equal((SyncStatus.Duplicate, true), (r.Status, r.Replayed)));
        var again = await fixture.Manager.CustomerAsync(phone);
        Assert.Equal(customer.BalancePoints, again.BalancePoints);
        Assert.Equal(customer.Movements, again.Movements);
        var booksAfter = await ledger.TrialBalanceAsync();
        Assert.Equal(0, booksAfter.Rows.Sum(r => r.BalancePaise));
        // The liability is a credit: it grows (more negative) by the value of the points now outstanding.
        Assert.Equal(-customer.BalancePoints * 25, Books.Balance(booksAfter, Liability) - Books.Balance(booksBefore, Liability));
        Assert.Equal(307 * 25, Books.Balance(booksAfter, Expense) - Books.Balance(booksBefore, Expense));
        var snapshot = await till.SnapshotAsync();
        Assert.Equal(customer.BalancePoints, Assert.Single(snapshot.Loyalty!.Customers, c => c.Phone == phone).BalancePoints);
    }

    [Fact]
    public async Task TwoOfflineTillsBurnTheSameLastPoints_SecondCommitsWithOverdraftAndReview_WriteOffRestoresZero()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
        var ledger = new LedgerClient(fixture.Hq);
        var tillA = await fixture.EnrolTillAsync();
        var tillB = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        Assert.Equal(SyncStatus.Created, (await tillA.SyncOneAsync(tillA.LoyaltySale(phone, 100, 0))).Status);
        var booksBefore = await ledger.TrialBalanceAsync();
        // Both tills saw 100 points in their snapshot and burned all of them while offline.
        var saleA = tillA.LoyaltySale(phone, 0, 100);
        var saleB = tillB.LoyaltySale(phone, 0, 100);

        var resultA = await tillA.SyncOneAsync(saleA);
        var resultB = await tillB.SyncOneAsync(saleB);

        Assert.Equal((SyncStatus.Created, 0), (resultA.Status, resultA.Flags.Count));
        Assert.Equal(SyncStatus.Created, resultB.Status);
        Assert.Equal([OrderFlags.LoyaltyOverdraft], resultB.Flags);
        Assert.Equal(-100, (await fixture.Manager.CustomerAsync(phone)).BalancePoints);
        var item = Assert.Single((await fixture.Manager.ListReviewsAsync("status=open")).Items, i => i.ClientOrderId == saleB.ClientOrderId);
        Assert.Equal((ReviewKinds.LoyaltyOverdraft, tillB.TillId), (item.Kind, item.TillId));
        Assert.Equal([ResolutionActions.Acknowledge, ResolutionActions.WriteOff], item.AllowedActions);

        await fixture.Manager.ResolveAsync(item.ReviewId,
            new ReviewResolutionRequest(ResolutionActions.WriteOff, "customer already left with the discount", Guid.CreateVersion7()));

        var customer = await fixture.Manager.CustomerAsync(phone);
        Assert.Equal(0, customer.BalancePoints);
        Assert.Equal(customer.BalancePoints, customer.Movements.Sum(m => m.Points));
        Assert.Equal(("adjustment", 100L, item.ReviewId), (customer.Movements[0].Kind, customer.Movements[0].Points, customer.Movements[0].ReviewId));
        var booksAfter = await ledger.TrialBalanceAsync();
        Assert.Equal(0, booksAfter.Rows.Sum(r => r.BalancePaise));
        // 100 points were outstanding before the two burns and none after the write-off: the liability fell by their value,
        // and the 100 points burned twice cost the store their value once more.
        Assert.Equal(100 * 25, Books.Balance(booksAfter, Liability) - Books.Balance(booksBefore, Liability));
        Assert.Equal(100 * 25, Books.Balance(booksAfter, Expense) - Books.Balance(booksBefore, Expense));
    }

    [Fact]
    public async Task DiscountTreatment_BurnWithoutTender_SettlesLiabilityAgainstExpense()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults with { BurnGstTreatment = BurnGstTreatments.Discount });
        var ledger = new LedgerClient(fixture.Hq);
        var till = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(till.LoyaltySale(phone, 80, 0))).Status);
        var booksBefore = await ledger.TrialBalanceAsync();
        // As a discount the burn is inside the lines (a lower taxable value); the order carries no loyalty tender.
        var burn = till.LoyaltySale(phone, 0, 0) with { Loyalty = new LoyaltyDto(0, 40) };

        var result = await till.SyncOneAsync(burn);

        Assert.Equal((SyncStatus.Created, 0), (result.Status, result.Flags.Count));
        Assert.Equal(40, (await fixture.Manager.CustomerAsync(phone)).BalancePoints);
        var booksAfter = await ledger.TrialBalanceAsync();
        Assert.Equal(40 * 25, Books.Balance(booksAfter, Liability) - Books.Balance(booksBefore, Liability));
        Assert.Equal(-40 * 25, Books.Balance(booksAfter, Expense) - Books.Balance(booksBefore, Expense));
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
    }

    [Fact]
    public async Task BadLoyalty_IsRejectedWithItsReason()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
        var till = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        var noPhone = till.LoyaltySale(phone, 10, 0) with { Customer = null };
        var wrongTender = till.LoyaltySale(phone, 0, 10, valuePaisePerPoint: 30);
        // 801 points × 25 paise = ₹200.25, just above the default offline limit of ₹200.
        var aboveCap = till.LoyaltySale(phone, 0, 801);
        var unknownToken = till.LoyaltySale(phone, 0, 10, token: "lrt_not-a-token");

        var results = (await till.SyncAsync([noPhone, wrongTender, aboveCap, unknownToken])).Results;

        Assert.Equal([SyncReasons.InvalidLoyalty, SyncReasons.InvalidLoyalty, SyncReasons.TokenRequired, SyncReasons.TokenInvalid],
            results.Select(r => r.Reason));
        Assert.All(results, r => Assert.Equal(SyncStatus.Rejected, r.Status));
        Assert.Empty((await fixture.Manager.CustomerAsync(phone)).Movements);
    }

    [Fact]
    public async Task Settings_OutOfRange_Refused400_AndRoundTrip()
    {
        var tooGenerous = LoyaltyCalls.Defaults with { OfflineBurnPaiseMax = 50_001 };

        var detail = await Responses.ExpectProblemAsync(await fixture.Manager.PutSettingsRawAsync(tooGenerous), HttpStatusCode.BadRequest, fixture.Hq);

        Assert.Contains("offlineBurnPaiseMax", detail, StringComparison.Ordinal);
        var changed = LoyaltyCalls.Defaults with { EarnPointsPer100Rupees = 3, BurnValuePaisePerPoint = 50 };
        await fixture.Manager.PutSettingsAsync(changed);
        Assert.Equal(changed, await fixture.Manager.GetSettingsAsync());
        Assert.Contains(await fixture.Manager.AuditAsync("loyalty.settings"), e => e.Detail.Contains("BurnValuePaisePerPoint = 50", StringComparison.Ordinal));
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
    }

    [Fact]
    public async Task CustomerLedger_PagesNewestFirst_EachMovementWithTheBalanceRightAfterIt_BadCursorsRefused()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
        var till = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        // Earns of 10, 20, 30, 40 and a burn of 15: five movements, balance 85.
        var sales = new[] { till.LoyaltySale(phone, 10, 0), till.LoyaltySale(phone, 20, 0), till.LoyaltySale(phone, 30, 0),
            till.LoyaltySale(phone, 40, 0), till.LoyaltySale(phone, 0, 15) };
        Assert.All((await till.SyncAsync(sales)).Results, r => Assert.Equal(SyncStatus.Created, r.Status));

        var pages = new List<LoyaltyCustomerView> { await fixture.Manager.CustomerAsync(phone, "limit=2") };
        while (pages[^1].NextBefore is { } before)
        {
            pages.Add(await fixture.Manager.CustomerAsync(phone, $"limit=2&before={before}"));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Movements.Count));
        Assert.All(pages, p => Assert.Equal(85, p.BalancePoints));
        var movements = pages.SelectMany(p => p.Movements).ToList();
        Assert.Equal([-15L, 40, 30, 20, 10], movements.Select(m => m.Points));
        Assert.Equal([85L, 100, 60, 30, 10], movements.Select(m => m.BalanceAfterPoints));
        Assert.Equal(movements.OrderByDescending(m => m.MovementId), movements);
        Assert.Equal(movements, (await fixture.Manager.CustomerAsync(phone)).Movements);

        using var client = fixture.Hq.CreateClient(fixture.Hq.AdminToken);
        foreach (var query in new[] { "limit=0", "limit=201", "before=0", "before=-3" })
        {
            var detail = await Responses.ExpectProblemAsync(
                await client.GetAsync(new Uri($"/api/v1/loyalty/customers/{phone}?{query}", UriKind.Relative)), HttpStatusCode.BadRequest, fixture.Hq);
            Assert.Contains("limit must be 1 to 200 and before a movement id", detail, StringComparison.Ordinal);
        }
    }
}
