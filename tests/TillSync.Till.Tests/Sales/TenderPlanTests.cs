// Proves how the cashier's tenders settle a bill: card and UPI are applied as taken, cash covers the rest and its
// surplus is change, and every refusal says what is wrong. Calls TenderPlan.For directly, including a property check.
using TillSync.Contracts.Sync;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Sales;

public sealed class TenderPlanTests
{
    [Fact]
    public void For_ExactCash_AppliesCashWithNoChange()
    {
        var (plan, problem) = TenderPlan.For(31_500, [new Tender(PaymentMethods.Cash, 31_500)]);

        Assert.Null(problem);
        Assert.Equal([new PaymentDto(PaymentMethods.Cash, 31_500)], plan!.Applied);
        Assert.Equal((31_500L, 0L), (plan.TenderedPaise, plan.ChangePaise));
    }

    [Fact]
    public void For_CashOverTendered_GivesChange()
    {
        var (plan, problem) = TenderPlan.For(31_500, [new Tender(PaymentMethods.Cash, 50_000)]);

        Assert.Null(problem);
        Assert.Equal([new PaymentDto(PaymentMethods.Cash, 31_500)], plan!.Applied);
        Assert.Equal((50_000L, 18_500L), (plan.TenderedPaise, plan.ChangePaise));
    }

    [Fact]
    public void For_SplitCardUpiCash_AppliesElectronicAsTakenAndCashForTheRest()
    {
        var (plan, problem) = TenderPlan.For(100_000,
            [new Tender(PaymentMethods.Upi, 20_000), new Tender(PaymentMethods.Cash, 50_000), new Tender(PaymentMethods.Card, 40_000)]);

        Assert.Null(problem);
        Assert.Equal(
            [new PaymentDto(PaymentMethods.Cash, 40_000), new PaymentDto(PaymentMethods.Card, 40_000), new PaymentDto(PaymentMethods.Upi, 20_000)],
            plan!.Applied);
        Assert.Equal((110_000L, 10_000L), (plan.TenderedPaise, plan.ChangePaise));
    }

    [Fact]
    public void For_CardExactlyTheTotalPlusCash_AppliesNoCashAndReturnsAllOfIt()
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.Card, 10_000), new Tender(PaymentMethods.Cash, 500)]);

        Assert.Null(problem);
        Assert.Equal([new PaymentDto(PaymentMethods.Card, 10_000)], plan!.Applied);
        Assert.Equal(500, plan.ChangePaise);
    }

    [Fact]
    public void For_SeveralTendersOfOneMethod_AreAppliedAsOne()
    {
        var (plan, _) = TenderPlan.For(10_000, [new Tender(PaymentMethods.Upi, 3_000), new Tender(PaymentMethods.Upi, 2_000), new Tender(PaymentMethods.Cash, 5_000)]);

        Assert.Equal([new PaymentDto(PaymentMethods.Cash, 5_000), new PaymentDto(PaymentMethods.Upi, 5_000)], plan!.Applied);
    }

    [Theory]
    [InlineData(31_500, 31_000, "Payments are short by ₹5.00.")]
    [InlineData(31_500, 31_499, "Payments are short by ₹0.01.")]
    public void For_ShortPayment_SaysByHowMuch(long totalPaise, long cashPaise, string expected)
    {
        var (plan, problem) = TenderPlan.For(totalPaise, [new Tender(PaymentMethods.Cash, cashPaise)]);

        Assert.Null(plan);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void For_ShortAfterCard_CountsTheCard()
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.Card, 6_000), new Tender(PaymentMethods.Cash, 3_000)]);

        Assert.Null(plan);
        Assert.Equal("Payments are short by ₹10.00.", problem);
    }

    [Theory]
    [InlineData(10_001, 0)]
    [InlineData(6_000, 4_001)]
    [InlineData(0, 10_001)]
    public void For_CardAndUpiOverTheTotal_AreRefused(long cardPaise, long upiPaise)
    {
        var tenders = new List<Tender>();
        if (cardPaise > 0)
        {
            tenders.Add(new Tender(PaymentMethods.Card, cardPaise));
        }

        if (upiPaise > 0)
        {
            tenders.Add(new Tender(PaymentMethods.Upi, upiPaise));
        }

        var (plan, problem) = TenderPlan.For(10_000, tenders);

        Assert.Null(plan);
        Assert.Contains("more than the ₹100.00 due; only cash can give change", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cheque")]
    [InlineData("CASH")]
    [InlineData("loyalty")]
    [InlineData("")]
    public void For_UnknownMethod_IsRefusedByName(string method)
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(method, 10_000)]);

        Assert.Null(plan);
        Assert.Equal($"'{method}' is not a payment method here; use cash, card, UPI or store credit.", problem);
    }

    [Fact]
    public void For_StoreCredit_IsAppliedAsTakenWithItsVoucher_TwoTendersOfOneVoucherAsOne()
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.StoreCredit, 3_000, " t02/2627/c00001 "),
            new Tender(PaymentMethods.StoreCredit, 1_000, "T02/2627/C00001"), new Tender(PaymentMethods.Cash, 10_000)]);

        Assert.Null(problem);
        Assert.Equal([new PaymentDto(PaymentMethods.Cash, 6_000), new PaymentDto(PaymentMethods.StoreCredit, 4_000, "T02/2627/C00001")], plan!.Applied);
        Assert.Equal(10_000 - 6_000, plan.ChangePaise);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("T02/2627/000001")]
    [InlineData("T02/2627/C00000")]
    public void For_StoreCreditWithoutAVoucherCode_IsRefused(string? voucher)
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.StoreCredit, 10_000, voucher)]);

        Assert.Null(plan);
        Assert.StartsWith("Store credit needs the voucher's code", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void For_StoreCreditOverTheTotal_IsRefused_NoChangeFromAVoucher()
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.StoreCredit, 10_001, "T02/2627/C00001")]);

        Assert.Null(plan);
        Assert.Contains("more than the ₹100.00 due; only cash can give change", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void For_NonPositiveAmount_IsRefused(long amountPaise)
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.Cash, 20_000), new Tender(PaymentMethods.Card, amountPaise)]);

        Assert.Null(plan);
        Assert.StartsWith("Every payment needs an amount above ₹0 and at most ₹", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoTender_AsksForAPayment()
    {
        var (plan, problem) = TenderPlan.For(10_000, []);

        Assert.Null(plan);
        Assert.Equal("Take a payment: cash, card, UPI or store credit.", problem);
    }

    [Fact]
    public void For_AnyCoveringTenders_AppliesExactlyTheTotalWithPositiveAmounts()
    {
        // A seeded sweep instead of a property library: every covering mix applies Σ = total, and tendered = total + change.
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        string[] methods = [PaymentMethods.Cash, PaymentMethods.Card, PaymentMethods.Upi];
        for (var run = 0; run < 2_000; run++)
        {
            var totalPaise = random.NextInt64(100, 10_000_000) / 100 * 100;
            var tenders = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => new Tender(methods[random.Next(3)], random.NextInt64(1, totalPaise + 1)))
                .ToList();

            var (plan, problem) = TenderPlan.For(totalPaise, tenders);

            var cardUpi = tenders.Where(t => t.Method != PaymentMethods.Cash).Sum(t => t.AmountPaise);
            var all = tenders.Sum(t => t.AmountPaise);
            var covers = cardUpi <= totalPaise && all >= totalPaise;
            Assert.True(covers == (plan is not null), $"seed {seed} run {run}: total {totalPaise}, tenders {string.Join(", ", tenders)}: {problem}");
            if (plan is not null)
            {
                Assert.Equal(totalPaise, plan.Applied.Sum(p => p.AmountPaise));
                Assert.All(plan.Applied, p => Assert.True(p.AmountPaise > 0, $"seed {seed}: {p}"));
                Assert.Equal(plan.Applied.Count, plan.Applied.Select(p => p.Method).Distinct().Count());
                Assert.Equal(all, plan.TenderedPaise);
                Assert.Equal(all - totalPaise, plan.ChangePaise);
            }
        }
    }
}
