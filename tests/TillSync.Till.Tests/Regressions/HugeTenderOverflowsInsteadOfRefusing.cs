// Regression: tenders are summed with checked arithmetic but never bounded, so two huge amounts threw an
// OverflowException (a 500 from POST /api/sales) and one huge amount saved a sale with absurd change. Calls TenderPlan.
using TillSync.Contracts.Sync;
using TillSync.Core;
using TillSync.Till.Sales;

namespace TillSync.Till.Tests.Regressions;

public sealed class HugeTenderOverflowsInsteadOfRefusing
{
    [Fact]
    public void For_TendersWhoseSumOverflows_IsRefusedWithASentence()
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.Cash, long.MaxValue), new Tender(PaymentMethods.Cash, 1)]);

        Assert.Null(plan);
        Assert.StartsWith("Every payment needs an amount above ₹0 and at most ₹", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ATenderAboveThePaymentLimit_IsRefusedWithASentence()
    {
        var (plan, problem) = TenderPlan.For(10_000, [new Tender(PaymentMethods.Cash, Limits.PaymentPaiseMax + 1)]);

        Assert.Null(plan);
        Assert.StartsWith("Every payment needs an amount above ₹0 and at most ₹", problem, StringComparison.Ordinal);
    }
}
