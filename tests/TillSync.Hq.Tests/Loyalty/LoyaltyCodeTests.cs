// Proves the online redemption flow against a real HQ: a code (read from HQ's dev log, the tests' SMS gateway) yields a
// single-use token that one sale consumes exactly once — its replay burns nothing and a second sale with it is rejected
// token_used; wrong codes lock the request, an expired code is refused, requests are rate-limited, and every attempt is audited.
using System.Net;
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Testing;

namespace TillSync.Hq.Tests.Loyalty;

public sealed class LoyaltyCodeTests(HqFixture fixture) : IClassFixture<HqFixture>
{
    [Fact]
    public async Task CodeGivesToken_SaleConsumesItOnce_ReplayBurnsNothing_SecondSaleRejectedTokenUsed()
    {
        var (till, phone, request, code) = await CustomerWithCodeAsync(LoyaltyCalls.Defaults);

        var redeemed = await till.RedeemAsync(request.RequestId, code);

        Assert.Equal((RedemptionStatuses.Redeemed, 1_000L), (redeemed.Status, redeemed.Points));
        var sale = till.LoyaltySale(phone, 0, 1_000, token: redeemed.RedemptionToken);
        var other = till.LoyaltySale(phone, 0, 1_000, token: redeemed.RedemptionToken);

        var first = await till.SyncOneAsync(sale);
        var replay = await till.SyncOneAsync(sale);
        var second = await till.SyncOneAsync(other);

        Assert.Equal((SyncStatus.Created, 0), (first.Status, first.Flags.Count));
        Assert.Equal((SyncStatus.Duplicate, true), (replay.Status, replay.Replayed));
        Assert.Equal((SyncStatus.Rejected, SyncReasons.TokenUsed), (second.Status, second.Reason));
        var customer = await fixture.Manager.CustomerAsync(phone);
        Assert.Equal(1_000, customer.BalancePoints);
        Assert.Single(customer.Movements, m => m.Kind == "burn");
        // The code is single-use too.
        Assert.Equal(RedemptionStatuses.Locked, (await till.RedeemAsync(request.RequestId, code)).Status);
    }

    [Fact]
    public async Task WrongCodeAttemptsMaxTimes_LocksTheRequest_EvenTheRightCodeThen_EveryAttemptAudited()
    {
        var (till, _, request, code) = await CustomerWithCodeAsync(LoyaltyCalls.Defaults with { CodeAttemptsMax = 3 });
        var wrong = code == "000000" ? "111111" : "000000";

        var outcomes = new List<RedemptionView>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await till.RedeemAsync(request.RequestId, wrong));
        }

        var right = await till.RedeemAsync(request.RequestId, code);

        Assert.Equal([RedemptionStatuses.WrongCode, RedemptionStatuses.WrongCode, RedemptionStatuses.Locked], outcomes.Select(o => o.Status));
        Assert.Equal([2, 1, 0], outcomes.Select(o => o.AttemptsLeft));
        Assert.Equal((RedemptionStatuses.Locked, null), (right.Status, right.RedemptionToken));
        var audited = (await fixture.Manager.AuditAsync("loyalty.code.verify")).Where(e => e.Detail.Contains(request.RequestId.ToString("D"), StringComparison.Ordinal));
        Assert.Equal(["wrong_code", "wrong_code", "locked", "locked"], audited.Select(e => e.Detail.Split(": ")[^1]));
        Assert.All(audited, e => Assert.Equal(till.Enrolment.Name, e.Actor));
        Assert.Single(await fixture.Manager.AuditAsync("loyalty.code.request"), e => e.Detail.Contains(request.RequestId.ToString("D"), StringComparison.Ordinal));
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
    }

    [Fact]
    public async Task ExpiredCode_IsRefused()
    {
        var (till, _, request, code) = await CustomerWithCodeAsync(LoyaltyCalls.Defaults with { CodeTtlSeconds = 1 });
        // HQ's clock is the machine's: wait until the expiry it announced has passed on this clock too.
        while (DateTimeOffset.UtcNow <= request.ExpiresAt.AddMilliseconds(200))
        {
            await Task.Delay(Eventually.PollInterval);
        }

        var outcome = await till.RedeemAsync(request.RequestId, code);

        Assert.Equal((RedemptionStatuses.Expired, null), (outcome.Status, outcome.RedemptionToken));
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
    }

    [Fact]
    public async Task CodeRequests_RateLimitedPerPhone_RefusedBeyondBalance_AndScopedToTheTill()
    {
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults with { CodeRequestsPerPhoneHourMax = 2 });
        var till = await fixture.EnrolTillAsync();
        var otherTill = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        await till.SyncOneAsync(till.LoyaltySale(phone, 2_000, 0));

        var beyondBalance = await till.RequestCodeRawAsync(phone, 2_001);
        var first = await till.RequestCodeAsync(phone, 1_000);
        await till.RequestCodeAsync(phone, 1_000);
        var third = await till.RequestCodeRawAsync(phone, 1_000);
        var foreign = await otherTill.RedeemRawAsync(first.RequestId, await LoyaltyCalls.CodeFromLogAsync(fixture.Hq, first.RequestId));

        await Responses.ExpectProblemAsync(beyondBalance, HttpStatusCode.Conflict, fixture.Hq);
        await Responses.ExpectProblemAsync(third, HttpStatusCode.TooManyRequests, fixture.Hq);
        await Responses.ExpectProblemAsync(foreign, HttpStatusCode.NotFound, fixture.Hq);
        Assert.Equal(2, (await fixture.Manager.AuditAsync("loyalty.code.refused")).Count(e => e.Actor == till.Enrolment.Name));
        // The first till's code still works for it: the other till's try did not consume it.
        var code = await LoyaltyCalls.CodeFromLogAsync(fixture.Hq, first.RequestId);
        var token = (await till.RedeemAsync(first.RequestId, code)).RedemptionToken;
        var foreignSale = otherTill.LoyaltySale(phone, 0, 1_000, token: token);
        Assert.Equal(SyncReasons.TokenInvalid, (await otherTill.SyncOneAsync(foreignSale)).Reason);
        await fixture.Manager.PutSettingsAsync(LoyaltyCalls.Defaults);
    }

    [Fact]
    public async Task LoyaltyEndpoints_AreTillOnlyOrManagerOnly()
    {
        var till = await fixture.EnrolTillAsync();
        using var asTill = fixture.Hq.CreateClient(till.Token);
        using var asManager = fixture.Hq.CreateClient(fixture.Hq.AdminToken);

        await Responses.ExpectStatusAsync(await asTill.GetAsync(new Uri("/api/v1/loyalty/settings", UriKind.Relative)), HttpStatusCode.Forbidden, fixture.Hq);
        await Responses.ExpectStatusAsync(await asManager.GetAsync(new Uri("/api/v1/till/loyalty/9876543210", UriKind.Relative)), HttpStatusCode.Forbidden, fixture.Hq);
        await Responses.ExpectStatusAsync(await asTill.GetAsync(new Uri("/api/v1/till/loyalty/9876543210", UriKind.Relative)), HttpStatusCode.OK, fixture.Hq);
        Assert.DoesNotContain("lrt_", fixture.Hq.Output(2_000), StringComparison.Ordinal);
    }

    // A till, a customer with 2,000 points and a code for 1,000 of them: 1,000 points × 25 paise = ₹250, above the ₹200
    // offline limit, so the burn needs a code.
    private async Task<(TillClient Till, string Phone, LoyaltyCodeView Request, string Code)> CustomerWithCodeAsync(LoyaltySettingsDto settings)
    {
        await fixture.Manager.PutSettingsAsync(settings);
        var till = await fixture.EnrolTillAsync();
        var phone = LoyaltyCalls.NewPhone();
        Assert.Equal(SyncStatus.Created, (await till.SyncOneAsync(till.LoyaltySale(phone, 2_000, 0))).Status);
        var request = await till.RequestCodeAsync(phone, 1_000);
        return (till, phone, request, await LoyaltyCalls.CodeFromLogAsync(fixture.Hq, request.RequestId));
    }
}
