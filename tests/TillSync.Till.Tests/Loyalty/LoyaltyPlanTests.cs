// Proves the till's own loyalty rules before a sale is saved: earn per whole ₹100, a burn as a loyalty tender within the
// offline limit and the last-known balance, a code's token needed above the limit, and a discount treatment refused.
using TillSync.Contracts.Loyalty;
using TillSync.Contracts.Sync;
using TillSync.Till.Loyalty;

namespace TillSync.Till.Tests.Loyalty;

public sealed class LoyaltyPlanTests
{
    private static readonly LoyaltySettingsDto Settings = new(2, 25, BurnGstTreatments.Tender, 20_000, 300, 5, 5, 60, 900, 90);
    private const string Phone = "9812345678";

    [Fact]
    public void PhoneWithoutBurn_EarnsPerWholeHundredRupees()
    {
        var (plan, problem) = LoyaltyPlan.For(Settings, Phone, 72_800, 0, null, null);

        Assert.Null(problem);
        Assert.Equal(new LoyaltyPlan(new LoyaltyDto(14, 0), 0), plan);
    }

    [Fact]
    public void BurnWithinLimitAndBalance_IsALoyaltyTender()
    {
        var (plan, _) = LoyaltyPlan.For(Settings, Phone, 72_800, 800, null, 800);

        Assert.Equal(new LoyaltyPlan(new LoyaltyDto(14, 800), 20_000), plan);
    }

    [Theory]
    [InlineData(801L, null, 5_000L, "needs a code")]
    [InlineData(100L, null, 99L, "has 99 points")]
    [InlineData(3_000L, "lrt_x", 5_000L, "redeem less than the bill")]
    public void BurnRefused_SaysWhy(long burnPoints, string? token, long balance, string expected)
    {
        var (plan, problem) = LoyaltyPlan.For(Settings, Phone, 72_800, burnPoints, token, balance);

        Assert.Null(plan);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AboveLimitWithToken_IsAllowedWhateverTheTillKnows()
    {
        var (plan, _) = LoyaltyPlan.For(Settings, Phone, 72_800, 1_000, "lrt_x", null);

        Assert.Equal(new LoyaltyDto(14, 1_000, "lrt_x"), plan?.Loyalty);
    }

    [Fact]
    public void DiscountTreatment_OrNoPhone_RefusesTheBurn()
    {
        Assert.Contains("as a discount", LoyaltyPlan.For(Settings with { BurnGstTreatment = BurnGstTreatments.Discount }, Phone, 72_800, 10, null, 100).Problem,
            StringComparison.Ordinal);
        Assert.Contains("phone", LoyaltyPlan.For(Settings, null, 72_800, 10, null, 100).Problem, StringComparison.Ordinal);
    }
}
